using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// Answers "is this ledger key recorded?" on its own connection, so a thread that checks messages
/// before reading them never waits behind a commit on the writer's connection (WAL lets this reader
/// run beside the writer). It sees what is committed; a key in an open transaction counts as absent,
/// which the writer's unique ledger key makes harmless.
/// </summary>
internal sealed class SqliteLedgerLookup : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _contains;
    private bool _disposed;

    public SqliteLedgerLookup(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _contains = _connection.CreateCommand();
        _contains.CommandText = "SELECT 1 FROM ledger WHERE ledger_key = $key";
        _contains.Parameters.Add(new SqliteParameter { ParameterName = "$key", Value = DBNull.Value });
        _contains.Prepare();
    }

    /// <summary>True when the ledger holds <paramref name="ledgerKey"/>; safe to call from any thread.</summary>
    public bool Contains(string ledgerKey)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _contains.Parameters[0].Value = ledgerKey;
            return _contains.ExecuteScalar() is not null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _contains.Dispose();
            _connection.Dispose();
        }
    }
}
