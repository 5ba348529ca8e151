using System.Data.Common;
using FleetManager.Storage.Users;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The built-in users (<c>dashboard_user</c>, schema step 6), one SQL text for both back-ends. Uniqueness ignoring case
/// is the table's: the primary key is the name folded to lower case (<see cref="KeyOf"/>), so two programs adding
/// "Anna" and "anna" at once cannot both succeed.
/// </summary>
internal sealed class UserAccountQueries(SqlDialect dialect)
{
    private const string Columns = "name, role, password_hash, created_at, changed_at";

    public async ValueTask<bool> AddAsync(string name, string role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        RequireKnown(role);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "INSERT INTO dashboard_user (name_key, name, role, password_hash, created_at, changed_at) VALUES (" +
            string.Join(", ", dialect.AddText(command, KeyOf(name)), dialect.AddText(command, name), dialect.AddText(command, role),
                dialect.AddText(command, passwordHash), dialect.AddInstant(command, createdAt), dialect.AddInstant(command, createdAt)) +
            ") ON CONFLICT (name_key) DO NOTHING";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<UserAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_user WHERE name_key = {dialect.AddText(command, KeyOf(name))}";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async ValueTask<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_user ORDER BY name_key";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var command = dialect.CreateCommand();
        command.CommandText = $"DELETE FROM dashboard_user WHERE name_key = {dialect.AddText(command, KeyOf(name))}";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask<bool> SetRoleAsync(string name, string role, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireKnown(role);
        return UpdateAsync(name, "role", role, changedAt, cancellationToken);
    }

    public ValueTask<bool> SetPasswordHashAsync(string name, string passwordHash, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return UpdateAsync(name, "password_hash", passwordHash, changedAt, cancellationToken);
    }

    /// <summary>The stored key of a name: folded to lower case without culture, so the same name is the same key on every machine.</summary>
    internal static string KeyOf(string name) => name.ToLowerInvariant();

    private async ValueTask<bool> UpdateAsync(string name, string column, string value, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"UPDATE dashboard_user SET {column} = {dialect.AddText(command, value)}, changed_at = {dialect.AddInstant(command, changedAt)} " +
            $"WHERE name_key = {dialect.AddText(command, KeyOf(name))}";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private UserAccount Read(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), dialect.ReadInstant(reader, 3), dialect.ReadInstant(reader, 4));

    private static void RequireKnown(string role)
    {
        if (!UserRoleNames.IsKnown(role))
        {
            throw new ArgumentException($"'{role}' is not a role; use one of {string.Join(", ", UserRoleNames.All)}.", nameof(role));
        }
    }
}
