using FleetManager.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace FleetManager.Tests.Support;

/// <summary>
/// TEST ONLY: a minimal lease store in a SQLite file shared by several hosts, standing in for the
/// storage area's own SQLite <see cref="ILeaseStore"/> until it lands on main.
/// </summary>
internal sealed class SqliteFileLeaseStore : ILeaseStore
{
    private readonly string _connectionString;

    public SqliteFileLeaseStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        Execute("CREATE TABLE IF NOT EXISTS lease (resource TEXT PRIMARY KEY, holder TEXT NOT NULL, until INTEGER NOT NULL)", _ => { });
    }

    public ValueTask<bool> TryAcquireAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        Execute(
            """
            INSERT INTO lease (resource, holder, until) VALUES ($r, $h, $u)
            ON CONFLICT (resource) DO UPDATE SET holder = $h, until = $u
            WHERE lease.holder = $h OR lease.until <= $now
            """,
            c =>
            {
                c.Parameters.AddWithValue("$r", resource);
                c.Parameters.AddWithValue("$h", holder);
                c.Parameters.AddWithValue("$u", (now + duration).ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            },
            c => changed = c.ExecuteNonQuery());
        return ValueTask.FromResult(changed > 0);
    }

    public ValueTask ReleaseAsync(string resource, string holder, CancellationToken cancellationToken)
    {
        Execute("DELETE FROM lease WHERE resource = $r AND holder = $h", c =>
        {
            c.Parameters.AddWithValue("$r", resource);
            c.Parameters.AddWithValue("$h", holder);
        });
        return ValueTask.CompletedTask;
    }

    private void Execute(string sql, Action<SqliteCommand> bind, Action<SqliteCommand>? run = null)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        if (run is null)
        {
            command.ExecuteNonQuery();
        }
        else
        {
            run(command);
        }
    }
}
