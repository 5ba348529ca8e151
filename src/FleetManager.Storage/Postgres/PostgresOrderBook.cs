using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage.Schema;
using FleetManager.Storage.Sql;
using FleetManager.Storage.Sqlite;
using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// The order book on PostgreSQL: the same tables, guarantees and schema versions as
/// <see cref="SqliteOrderBook"/>, for several processes or instances sharing one database. A facade over
/// the rooms that do the work: <see cref="PostgresStoreOpener"/> (open, migrate), <see cref="PostgresLedgerWriter"/>
/// (commits), <see cref="OrderBookQueries"/> (reads) and <see cref="ServiceStateStore"/> (cursors,
/// leases, outbox, geocode cache), the last two shared with SQLite through <see cref="PostgresDialect"/>.
/// </summary>
/// <remarks>
/// Each call takes a pooled connection from one <see cref="NpgsqlDataSource"/>, so an instance may be used
/// from several threads. Leases are one atomic upsert.
/// </remarks>
public sealed class PostgresOrderBook : IOrderStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string[] _outboxSinks;
    private readonly PostgresLedgerWriter _writer;
    private readonly OrderBookQueries _queries;
    private readonly ServiceStateStore _state;
    private bool _disposed;

    internal PostgresOrderBook(NpgsqlDataSource dataSource, string location, int from, int to, IReadOnlyList<string> sinks)
    {
        _dataSource = dataSource;
        Location = location;
        SchemaVersionAtOpen = from;
        SchemaVersion = to;
        _outboxSinks = [.. sinks];
        _writer = new PostgresLedgerWriter(dataSource, _outboxSinks);
        var dialect = new PostgresDialect(dataSource);
        _queries = new OrderBookQueries(dialect);
        _state = new ServiceStateStore(dialect);
    }

    /// <inheritdoc />
    public OrderStoreKind Kind => OrderStoreKind.PostgreSql;

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public int SchemaVersionAtOpen { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutboxSinks => _outboxSinks;

    /// <summary>The schema version this code writes.</summary>
    public static int LatestSchemaVersion => OrderBookSchema.LatestVersion;

    /// <summary>
    /// Connects to the database that <paramref name="connectionString"/> names (a <c>postgres://</c> URI or
    /// an Npgsql keyword string) and applies pending schema steps unless <see cref="OrderStoreOptions.ApplyMigrations"/> is false.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, the
    /// database is missing, holds a newer schema, or migrating fails.</exception>
    public static PostgresOrderBook Open(string connectionString, OrderStoreOptions options) =>
        PostgresStoreOpener.Open(connectionString, options, OrderBookSchema.ForPostgres);

    internal static PostgresOrderBook Open(string connectionString, OrderStoreOptions options, IReadOnlyList<MigrationStep> steps) =>
        PostgresStoreOpener.Open(connectionString, options, steps);

    /// <summary>
    /// The schema version of the database <paramref name="connectionString"/> names (0: not created yet), read
    /// on a fresh connection that changes nothing: the readiness probe, which must see the server as it is now.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, or the database is missing.</exception>
    public static Task<int> ReadSchemaVersionAsync(string connectionString, CancellationToken cancellationToken) =>
        PostgresStoreOpener.ReadSchemaVersionAsync(connectionString, cancellationToken);

    /// <inheritdoc />
    public bool Contains(string ledgerKey)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.Contains(ledgerKey);
    }

    /// <inheritdoc />
    public bool Commit(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.CommitBatch([(message, result)])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.CommitBatch(batch);
    }

    /// <inheritdoc />
    public ReplaceOutcome Replace(StoredMessage message, EmailResult result)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.Replace(message, result);
    }

    /// <inheritdoc />
    public long PurgeRawMessages(DateTimeOffset processedBefore)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.PurgeRawMessages(processedBefore);
    }

    /// <inheritdoc />
    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.ListOrders(query);
    }

    /// <inheritdoc />
    public StoredOrder? GetOrder(long id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.GetOrder(id);
    }

    /// <inheritdoc />
    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.QueryOrders(query);
    }

    /// <inheritdoc />
    public LedgerCounts CountLedger()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.CountLedger();
    }

    /// <inheritdoc />
    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.ListQuarantined(limit, offset);
    }

    /// <inheritdoc />
    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.GetLedgerEntry(ledgerKey);
    }

    /// <inheritdoc />
    public byte[]? GetRawMessage(string ledgerKey)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.GetRawMessage(ledgerKey);
    }

    /// <inheritdoc />
    public IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.ListLedger(query);
    }

    /// <inheritdoc />
    public string? GetCursor(string source)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _state.GetCursor(source);
    }

    /// <inheritdoc />
    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _state.SaveCursor(source, cursor, savedAt);
    }

    /// <inheritdoc />
    /// <remarks>One upsert: concurrent callers on any instance serialise on the lease row, and the
    /// <c>WHERE</c> of <c>DO UPDATE</c> sees the row as the winner left it.</remarks>
    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _state.TryAcquire(resource, holder, duration, now);
    }

    /// <inheritdoc />
    public void Release(string resource, string holder)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _state.Release(resource, holder);
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _state.Pending(sink, max);
    }

    /// <inheritdoc />
    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _state.MarkDelivered(sink, ids, deliveredAt);
    }

    /// <inheritdoc />
    public long Depth(string sink)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _state.Depth(sink);
    }

    /// <inheritdoc />
    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _state.TryGet(provider, query, out point);
    }

    /// <inheritdoc />
    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _state.Put(provider, query, point, at);
    }

    /// <summary>Closes the pool's connections.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dataSource.Dispose();
    }
}
