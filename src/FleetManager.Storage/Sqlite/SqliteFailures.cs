using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// What a SQLite failure means to the user: one wording per primary error code, and the translation
/// into the store's exceptions, so no <see cref="SqliteException"/> leaves Storage.
/// </summary>
internal static class SqliteFailures
{
    private const string ReadOnlyReason =
        "the file or its folder is read-only (writing also needs the folder, for the -wal and -shm files SQLite keeps beside the book)";

    private const string ReadOnlyFix =
        "Make the order book file and its folder writable for this user (or give another --db), then run again; 'orders list|show|export' can still read it as it is.";

    /// <summary>What a failed open means to the user, or null for a bug (rethrown as it is).</summary>
    public static Core.Errors.StoreException? OpenFailure(Exception exception, string path, bool writing) => exception switch
    {
        Core.Errors.StoreException store => store,
        SqliteException sqlite when SqliteIntegrity.IsDamage(sqlite) => new StoreDamagedException(path, sqlite.Message, sqlite),
        // SQLite says only "unable to open" or "readonly" when writing; say which one the user can change.
        SqliteException sqlite when writing && (sqlite.SqliteErrorCode & 0xFF) is 8 or 14 && IsReadOnlyLocation(path) =>
            new OrderBookUnavailableException(path, ReadOnlyReason, sqlite, ReadOnlyFix),
        SqliteException sqlite => new OrderBookUnavailableException(path, Describe(sqlite), sqlite, FixFor(sqlite)),
        IOException or UnauthorizedAccessException => new OrderBookUnavailableException(path, "it cannot be opened: " + exception.Message, exception),
        _ => null,
    };

    /// <summary>
    /// A failure of a write transaction (disk full, a read-only file, a damaged page): rolled back, so
    /// <paramref name="outcome"/> says what was not stored.
    /// </summary>
    public static Core.Errors.StoreException ForWrite(SqliteException exception, string path, string outcome) =>
        SqliteIntegrity.IsDamage(exception)
            ? new StoreDamagedException(path, exception.Message, exception)
            : new OrderBookUnavailableException(path, Describe(exception) + $" ({outcome})", exception, FixFor(exception));

    /// <summary>A failure of a read or a single statement on an open book.</summary>
    public static Core.Errors.StoreException ForRead(SqliteException exception, string path) =>
        SqliteIntegrity.IsDamage(exception)
            ? new StoreDamagedException(path, exception.Message, exception)
            : new OrderBookUnavailableException(path, Describe(exception), exception, FixFor(exception));

    public static string Describe(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        26 => "the file is not a SQLite database",
        11 => "the database file is corrupt",
        14 => "the file cannot be opened or created (check the path and permissions)",
        8 => "the file is read-only",
        23 => "access to the file is denied",
        5 or 6 => "the database is locked by another process",
        13 => "the disk is full",
        _ => exception.Message,
    };

    /// <summary>What to do about a SQLite failure, by its primary error code.</summary>
    public static string FixFor(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        13 => "Free disk space where the order book lives, then run again: everything committed before is kept.",
        8 or 23 => "Make the order book file and its folder writable for this user (or give another --db), then run again.",
        11 or 26 => "Restore the order book from a backup (docs/operations.md) or start a new one with another --db.",
        5 or 6 => "Stop the other process using the order book, then run again.",
        _ => "Check the order book file, its folder and free space, then run again.",
    };

    /// <summary>
    /// True when the existing book's file or folder cannot be written (file mode, a read-only mount). Only
    /// called after SQLite failed to open or write; the folder probe creates and deletes one empty file.
    /// </summary>
    private static bool IsReadOnlyLocation(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return false;
        }

        try
        {
            using (new FileStream(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            var folder = Path.GetDirectoryName(fullPath) ?? ".";
            using (new FileStream(Path.Combine(folder, ".fleetmanager-write-probe-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return false;
        }
        catch (Exception probe) when (probe is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
