using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// The readiness probe of a SQLite order book (<c>/readyz</c>, <c>doctor</c>): opens the file read-only on a fresh connection (never the pollers' one, which would keep
/// working on a file that was deleted or unmounted underneath it) and reads its schema version.
/// </summary>
public sealed class SqliteStoreProbe(string path) : IStoreProbe
{
    // SQLite's quick check runs once, on the first probe (readiness is probed from the start): damage
    // does not heal while the process runs, and a full read of the file on every probe would cost too much.
    private string? _damage;
    private bool _checked;

    public string Describe => "SQLite " + Path.GetFullPath(path);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastPollTimesAsync(CancellationToken cancellationToken)
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, saved_at FROM source_cursor";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Written by SaveCursor as a round-trip ("O") timestamp.
            if (DateTimeOffset.TryParseExact(reader.GetString(1), "O", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var savedAt))
            {
                times[reader.GetString(0)] = savedAt;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(times);
    }

    public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return Task.FromResult(new StoreHealth(false, $"the order book {fullPath} does not exist (or its folder cannot be read)",
                "check that the data volume is mounted; the service creates the file on its first poll when the folder is writable", "the order book file does not exist"));
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = 5,
            }.ToString());
            connection.Open();
            if (!_checked)
            {
                _damage = SqliteIntegrity.Check(connection);
                _checked = true;
            }

            if (_damage is not null)
            {
                return Task.FromResult(new StoreHealth(false, $"{fullPath} is damaged ({_damage})",
                    StoreDamagedException.RepairFix, "damaged: SQLite's integrity check failed"));
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
            var version = command.ExecuteScalar() is long v ? (int)v : 0;
            var latest = SqliteOrderBook.LatestSchemaVersion;
            if (version > latest && SqliteOrderBook.ReadCompatibleFrom(connection, null) is int compatibleFrom && compatibleFrom <= latest)
            {
                // A newer release migrated it additively (expand/contract): this release still works on it.
                return Task.FromResult(new StoreHealth(true, $"{fullPath} reachable, schema version {version} (newer, compatible with {latest})"));
            }

            return Task.FromResult(version == latest
                ? new StoreHealth(true, $"{fullPath} reachable, schema version {version}", Summary: $"reachable, schema version {version}")
                : version < latest
                    ? new StoreHealth(false, $"{fullPath} has schema version {version}, older than {latest}", "it is migrated when the service opens it; see the service's log for why it did not", $"schema version {version}, older than {latest}")
                    : new StoreHealth(false, $"{fullPath} has schema version {version}, newer than {latest} this program knows", "run the newer FleetManager, or restore the backup taken before the upgrade", $"schema version {version}, newer than {latest}"));
        }
        catch (SqliteException ex) when (SqliteIntegrity.IsDamage(ex))
        {
            _damage = ex.Message;
            _checked = true;
            return Task.FromResult(new StoreHealth(false, $"{fullPath} is damaged ({ex.Message})",
                StoreDamagedException.RepairFix, "damaged: SQLite reports a malformed file"));
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(new StoreHealth(false, $"{fullPath} cannot be read: {ex.Message}", "check the file's permissions and that it is a FleetManager order book"));
        }
    }
}
