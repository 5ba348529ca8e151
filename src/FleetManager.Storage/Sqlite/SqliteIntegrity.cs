using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// SQLite's own checks of a database file: <c>PRAGMA quick_check</c> (every page readable, every
/// record well-formed; linear in the file size, well under a second for a typical order book) or the
/// slower <c>PRAGMA integrity_check</c> (also index contents). Random bytes in the middle of a file
/// can leave every query an import makes working while pages it does not touch are garbage; only
/// these checks see that.
/// </summary>
public static class SqliteIntegrity
{
    /// <summary>
    /// SQLITE_CORRUPT: an order book's pages cannot be trusted. (SQLITE_NOTADB, a file that is not SQLite
    /// at all, is another program's file, not a damaged order book, and is reported as such by the caller.)
    /// </summary>
    public static bool IsDamage(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqliteErrorCode == 11;
    }

    /// <summary>Null when the check passes, else its first findings (at most five lines, joined).</summary>
    public static string? Check(SqliteConnection connection, bool thorough = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = thorough ? "PRAGMA integrity_check(5)" : "PRAGMA quick_check(5)";
        var findings = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                findings.Add(reader.GetString(0));
            }
        }
        catch (SqliteException exception) when (IsDamage(exception))
        {
            return exception.Message;
        }

        return findings is ["ok"] ? null : (thorough ? "integrity_check: " : "quick_check: ") + string.Join("; ", findings);
    }

    /// <summary>Opens <paramref name="path"/> read-only on a connection of its own and checks it; null when it passes.</summary>
    /// <exception cref="SqliteException">The file cannot be opened at all (permissions, locked).</exception>
    public static string? CheckFile(string path, bool thorough = false)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            return Check(connection, thorough);
        }
        catch (SqliteException exception) when (IsDamage(exception))
        {
            return exception.Message;
        }
    }
}
