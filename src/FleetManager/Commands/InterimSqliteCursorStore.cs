using FleetManager.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace FleetManager.Commands;

/// <summary>
/// TEMPORARY, until the storage work gives the order book its own <see cref="ICursorStore"/>: keeps each
/// source's cursor in a small table (<c>source_cursor_interim</c>) of the same SQLite file, through a
/// connection of its own. The order book is opened (and migrated) first, so the file is already ours.
/// Replace the one line in <see cref="ImportCommand"/> that creates it once the real store lands; a
/// cursor lost in that switch costs one bounded full sync, which the ledger dedupes.
/// </summary>
internal sealed class InterimSqliteCursorStore : ICursorStore, IDisposable
{
    private readonly SqliteConnection _connection;

    public InterimSqliteCursorStore(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE IF NOT EXISTS source_cursor_interim (source TEXT PRIMARY KEY, cursor TEXT NOT NULL, saved_at TEXT NOT NULL)";
        command.ExecuteNonQuery();
    }

    public string? GetCursor(string source)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT cursor FROM source_cursor_interim WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        return command.ExecuteScalar() as string;
    }

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            "INSERT INTO source_cursor_interim (source, cursor, saved_at) VALUES ($source, $cursor, $saved_at) " +
            "ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, saved_at = excluded.saved_at";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$saved_at", savedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
