using FleetManager.Core.Text;
using FleetManager.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// Opens a SQLite order book: the writing open (creates the file, sets WAL, checks integrity when asked,
/// migrates) and the read-only open for the verbs that only read; failures become the store's exceptions.
/// </summary>
internal static class SqliteStoreOpener
{
    /// <summary>
    /// Refuses a path that cannot hold an order book file: a directory, a folder that is a file, a folder that does
    /// not exist. Never creates folders from a path: a typo must not leave a tree of directories behind. Shared by
    /// opening and restoring.
    /// </summary>
    public static void EnsureLocation(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (Directory.Exists(fullPath))
        {
            throw new OrderBookUnavailableException(path, "it is a directory, not a file", "Give the path of a database file inside it, for example --db " + Path.Combine(path, "fleetmanager.db") + ".");
        }

        if (!string.IsNullOrEmpty(folder) && File.Exists(folder))
        {
            throw new OrderBookUnavailableException(path, $"'{folder}' is a file, not a folder", "Fix --db (or Storage:ConnectionString / DATA_DIR) to name a file inside a folder.");
        }

        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new OrderBookUnavailableException(path, $"its folder '{folder}' does not exist", "Create the folder first, or fix --db (or Storage:ConnectionString / DATA_DIR).");
        }
    }

    public static SqliteOrderBook Open(string path, IReadOnlyList<MigrationStep> steps, OrderStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var sinks = OutboxSinkNames.Validate(path, options.OutboxSinks);
        SqliteConnection? connection = null;
        try
        {
            var fullPath = Path.GetFullPath(path);
            EnsureLocation(path);

            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // Pooling would keep the file open after Dispose; one long-lived connection needs no pool.
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString();
            connection = new SqliteConnection(connectionString);
            connection.Open();

            // Before anything is written (even the journal mode): a damaged file is left exactly as it was.
            if (options.VerifyIntegrity && SqliteIntegrity.Check(connection) is { } damage)
            {
                throw new StoreDamagedException(path, damage);
            }

            Configure(connection);
            (int from, int version) migrated;
            using (var session = new SqliteMigrationSession(connection, path))
            {
                migrated = SchemaMigrator.Migrate(session, path, steps, options.ApplyMigrations);
            }

            var (from, version) = migrated;
            return new SqliteOrderBook(connection, connectionString, path, from, version, sinks);
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            if (SqliteFailures.OpenFailure(exception, path, writing: true) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>
    /// Opens an existing order book for the verbs that only read it (<c>orders list|show|export</c>), so a
    /// book on a read-only file, folder or mount can still be read. The file is opened read-only and
    /// nothing is written (no journal mode, no migration). A WAL book needs its <c>-shm</c> index; where
    /// that cannot be created (a read-only folder) the file is read as immutable, which is exact because
    /// nothing can write there either (a <c>-wal</c> left beside it by a killed writer is not read: its
    /// commits appear once a writer has opened the book again). A book whose schema is older than this
    /// code's is opened as <see cref="Open(string, OrderStoreOptions)"/> does, migrating it (which needs
    /// write access).
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="Open(string)"/>.</exception>
    public static SqliteOrderBook OpenForReading(string path, OrderStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var sinks = OutboxSinkNames.Validate(path, options.OutboxSinks);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return Open(path, OrderBookSchema.ForSqlite, options);
        }

        SqliteConnection? connection = null;
        try
        {
            string connectionString;
            int version;
            try
            {
                (connection, connectionString, version) = OpenReadOnly(fullPath, path, immutable: false);
            }
            catch (SqliteException exception) when (IsSharedMemoryUnavailable(exception))
            {
                // SQLITE_CANTOPEN / SQLITE_READONLY_CANTINIT: the WAL index cannot be created beside the file.
                (connection, connectionString, version) = OpenReadOnly(fullPath, path, immutable: true);
            }

            var latest = OrderBookSchema.LatestVersion;
            var readable = version == latest ||
                (version > latest && ReadCompatibleFrom(connection, null) is int compatibleFrom && compatibleFrom <= latest);
            if (!readable)
            {
                // Older (or unknown) schema: the writing open migrates it, or says why it cannot.
                connection.Dispose();
                connection = null;
                return Open(path, OrderBookSchema.ForSqlite, options);
            }

            connection.CreateFunction<string?, string?>(
                "fm_fold", text => text is null ? null : TextFold.Fold(text), isDeterministic: true);
            return new SqliteOrderBook(connection, connectionString, path, version, version, sinks);
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            if (SqliteFailures.OpenFailure(exception, path, writing: false) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    private static (SqliteConnection Connection, string ConnectionString, int Version) OpenReadOnly(string fullPath, string path, bool immutable)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            // SQLite's URI filename (Microsoft.Data.Sqlite passes "file:" names as URIs): immutable=1 reads
            // the file without locks, -wal or -shm.
            DataSource = immutable ? "file:" + EscapeUriPath(fullPath) + "?immutable=1" : fullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // The first read maps the WAL index: a missing -shm that cannot be created fails here.
            var version = ReadVersion(connection, null, path);
            return (connection, connectionString, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Escapes the characters that end or escape a path in a SQLite URI filename.</summary>
    private static string EscapeUriPath(string fullPath) =>
        fullPath.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("?", "%3f", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal);

    /// <summary>
    /// A read-only WAL book without its -shm: SQLITE_CANTOPEN (14, any variant), SQLITE_READONLY_CANTINIT
    /// (1288), SQLITE_READONLY_CANTLOCK (520), SQLITE_IOERR_SHMOPEN (4618) or SQLITE_IOERR_SHMSIZE (4874).
    /// </summary>
    private static bool IsSharedMemoryUnavailable(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) == 14 || exception.SqliteExtendedErrorCode is 1288 or 520 or 4618 or 4874;

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // WAL + NORMAL: a commit is durable against a killed process without an fsync per commit.
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteScalar();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
        connection.CreateFunction<string?, string?>(
            "fm_fold", text => text is null ? null : TextFold.Fold(text), isDeterministic: true);
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            if ((long)command.ExecuteScalar()! > 0)
            {
                // Migrating would add our tables to somebody else's database.
                throw new OrderBookUnavailableException(path, "it is a SQLite database of another program (it has no schema_version table)");
            }

            return 0;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is long version
            ? checked((int)version)
            : throw new OrderBookUnavailableException(path, "its schema_version table is empty");
    }

    /// <summary>
    /// <c>schema_version.compatible_from</c>: the oldest schema version whose code may still use this database
    /// (written by a later release's additive steps); null when the column does not exist (no promise made).
    /// </summary>
    public static int? ReadCompatibleFrom(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('schema_version') WHERE name = 'compatible_from'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }

        command.CommandText = "SELECT compatible_from FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is long value ? checked((int)value) : null;
    }
}
