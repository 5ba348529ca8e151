using Microsoft.Data.Sqlite;

namespace FleetManager.Storage;

/// <summary>SQLite's own consistency checks, on a read-only connection of its own (never changes the file).</summary>
public static class SqliteIntegrity
{
    /// <summary>
    /// Runs <c>PRAGMA quick_check</c> (<paramref name="quick"/>: page and cell structure, linear time) or
    /// <c>PRAGMA integrity_check</c> (also every index against its table) and returns the problems found,
    /// none when the file is intact.
    /// </summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database at all.</exception>
    public static IReadOnlyList<string> Check(string path, bool quick)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = quick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)";
        var lines = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines is ["ok"] ? [] : lines;
    }
}
