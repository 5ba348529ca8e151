using FleetManager.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// SQLite's side of <see cref="SchemaMigrator"/>: one immediate transaction, so two processes opening a new
/// file at once cannot both migrate it.
/// </summary>
internal sealed class SqliteMigrationSession : IMigrationSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _command;
    private readonly string _path;

    public SqliteMigrationSession(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
        _transaction = connection.BeginTransaction();
        _command = connection.CreateCommand();
        _command.Transaction = _transaction;
    }

    public System.Data.Common.DbCommand Command => _command;

    public int ReadVersion() => SqliteStoreOpener.ReadVersion(_connection, _transaction, _path);

    public int? ReadCompatibleFrom() => SqliteStoreOpener.ReadCompatibleFrom(_connection, _transaction);

    public string? DescribeRefusal(Exception exception) => exception is SqliteException sqlite ? sqlite.Message : null;

    public void RecordVersion(int version)
    {
        _command.CommandText =
            "INSERT INTO schema_version (id, version) VALUES (1, $version) " +
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version";
        _command.Parameters.Clear();
        _command.Parameters.AddWithValue("$version", version);
        _command.ExecuteNonQuery();
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _command.Dispose();
        _transaction.Dispose();
    }
}
