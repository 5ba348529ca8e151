using FleetManager.Storage.Schema;
using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of <see cref="SchemaMigrator"/>: one transaction holding an advisory lock, so two
/// processes starting at once do not both run a step (the lock is released with the transaction).
/// </summary>
internal sealed class PostgresMigrationSession : IMigrationSession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlCommand _command;
    private readonly string _location;

    public PostgresMigrationSession(NpgsqlDataSource dataSource, string location)
    {
        _location = location;
        _connection = dataSource.OpenConnection();
        try
        {
            _transaction = _connection.BeginTransaction();
            _command = new NpgsqlCommand { Connection = _connection, Transaction = _transaction };
            _command.CommandText = "SELECT pg_advisory_xact_lock(7412150301)";
            _command.ExecuteNonQuery();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public System.Data.Common.DbCommand Command => _command;

    public int ReadVersion() => PostgresStoreOpener.ReadVersion(_command, _location);

    public int? ReadCompatibleFrom()
    {
        _command.Parameters.Clear();
        _command.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_version' AND column_name = 'compatible_from'";
        if ((long)_command.ExecuteScalar()! != 1)
        {
            return null;
        }

        // The column must be integer: another type is no promise this release can read.
        _command.CommandText = "SELECT compatible_from FROM schema_version WHERE id = 1";
        return _command.ExecuteScalar() is int compatibleFrom ? compatibleFrom : null;
    }

    public string? DescribeRefusal(Exception exception) => exception is PostgresException pg ? pg.MessageText : null;

    public void RecordVersion(int version)
    {
        _command.CommandText =
            "INSERT INTO schema_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version";
        _command.Parameters.Clear();
        _command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        _command.ExecuteNonQuery();
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _command.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
