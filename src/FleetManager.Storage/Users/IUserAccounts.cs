namespace FleetManager.Storage.Users;

/// <summary>
/// The dashboard's built-in users, kept in the order book (<see cref="IOrderStore.Users"/>: same database, connection,
/// guard and error translation as the store). Names are unique ignoring case and found ignoring case. The store keeps
/// password hashes only; hashing and checking passwords is the caller's (the dashboard's <c>UserPasswords</c>).
/// </summary>
public interface IUserAccounts
{
    /// <summary>Adds a user; false, with nothing changed, when the name is taken (in any case).</summary>
    /// <exception cref="ArgumentException">The role is not one of <see cref="UserRoleNames.All"/>.</exception>
    ValueTask<bool> AddAsync(string name, string role, string passwordHash, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>The user named <paramref name="name"/> (any case); null when there is none.</summary>
    ValueTask<UserAccount?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every user, by name (ignoring case).</summary>
    ValueTask<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes a user; false when there is none of that name.</summary>
    ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Gives a user another role; false when there is none of that name.</summary>
    /// <exception cref="ArgumentException">The role is not one of <see cref="UserRoleNames.All"/>.</exception>
    ValueTask<bool> SetRoleAsync(string name, string role, DateTimeOffset changedAt, CancellationToken cancellationToken);

    /// <summary>Replaces a user's password hash; false when there is none of that name.</summary>
    ValueTask<bool> SetPasswordHashAsync(string name, string passwordHash, DateTimeOffset changedAt, CancellationToken cancellationToken);
}
