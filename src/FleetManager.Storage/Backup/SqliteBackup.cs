using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Backup;

/// <summary>
/// SQLite's online backup API: pages are copied from a read transaction, so the service keeps writing (WAL
/// mode: readers never block the writer) and the copy is one consistent snapshot. The copy goes to a
/// temporary file, is integrity-checked, and only then takes its name: a failed backup leaves no backup-shaped file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the order book at <paramref name="databasePath"/> to <paramref name="destination"/> (which must not exist).</summary>
    public static void Create(string databasePath, string destination)
    {
        if (!File.Exists(databasePath))
        {
            throw new BackupFailedException($"the order book {databasePath} does not exist", "Give the store with --db, or set DATA_DIR / Storage:ConnectionString.");
        }

        var partial = destination + ".partial";
        try
        {
            // A backup holds the whole order book: owner-only from its first byte.
            using (File.Create(partial))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using (var source = Open(databasePath, SqliteOpenMode.ReadOnly))
            using (var target = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                CopyWaitingForLocks(source, target);

                // The copy inherits the source's WAL mode; a backup is one self-contained file, so it is switched
                // to a rollback journal (no -wal/-shm files beside it, none left when it is opened read-only).
                using var journal = target.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE";
                journal.ExecuteScalar();
            }

            Verify(partial, "the copy");
            File.Move(partial, destination);
        }
        catch (SqliteException ex)
        {
            throw new BackupFailedException($"the backup of {databasePath} failed: {ex.Message}",
                "Check free space and permissions of the backup folder; run 'fleetmanager doctor' to check the store.", ex);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-wal");
            File.Delete(partial + "-shm");
        }
    }

    /// <summary>
    /// Replaces the order book at <paramref name="databasePath"/> (created when missing) with the backup
    /// <paramref name="backup"/>, after checking the backup's integrity. The copy is one transaction on the
    /// target: a reader sees the old book or the restored one, never a mix. Stop the service first.
    /// </summary>
    public static void Restore(string backup, string databasePath)
    {
        if (!File.Exists(backup))
        {
            throw new BackupFailedException($"the backup {backup} does not exist", "Give a file from the backup folder (fleetmanager-*.db).");
        }

        // The same checks as opening the book: a directory, a folder that is a file or that does not exist is refused
        // before the backup is read.
        SqliteStoreOpener.EnsureLocation(databasePath);

        try
        {
            Verify(backup, "the backup");
            using var source = Open(backup, SqliteOpenMode.ReadOnly);
            using var target = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
            CopyWaitingForLocks(source, target);
        }
        catch (SqliteException ex)
        {
            throw new BackupFailedException($"restoring {backup} to {databasePath} failed: {ex.Message}",
                "Stop the service (it holds the order book) and check the permissions of the database file and its folder.", ex);
        }
    }

    /// <summary>
    /// Microsoft.Data.Sqlite retries busy commands but not <c>sqlite3_backup_step</c>: a writer committing (or
    /// creating the book, still in rollback-journal mode) makes a single attempt fail with SQLITE_BUSY. SQLite's own
    /// busy handler covers the file locks the step takes; the bounded retry covers a step that still loses the race.
    /// </summary>
    private static void CopyWaitingForLocks(SqliteConnection source, SqliteConnection target)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SQLiteBusy or SQLiteLocked && waited.Elapsed < LockWait)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500)));
            }
        }
    }

    private const int SQLiteBusy = 5;
    private const int SQLiteLocked = 6;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    private static void Verify(string path, string what)
    {
        if (SqliteIntegrity.CheckFile(path, thorough: true) is { } problem)
        {
            throw new BackupFailedException($"{what} {path} is damaged: {problem}", "Take the backup again, or restore an older one.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = $"PRAGMA busy_timeout = {(int)LockWait.TotalMilliseconds}";
        busy.ExecuteNonQuery();
        return connection;
    }
}
