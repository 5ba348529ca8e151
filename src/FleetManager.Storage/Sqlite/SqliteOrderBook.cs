using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage.Schema;
using FleetManager.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// The order book in one SQLite file: the ledger (one row per message, processed or quarantined),
/// each message's raw bytes, its orders (typed columns for filtering plus the exact spec JSON and
/// the field evidence) and their stops, and the service's state. A facade over the rooms that do the
/// work on one connection: <see cref="SqliteStoreOpener"/> (open, migrate), <see cref="SqliteLedgerWriter"/>
/// (commits), <see cref="OrderBookQueries"/> (reads) and <see cref="ServiceStateStore"/> (cursors,
/// leases, outbox, geocode cache), the last two shared with PostgreSQL through <see cref="SqliteDialect"/>.
/// </summary>
/// <remarks>
/// <para>Crash safety: WAL journal with <c>synchronous=NORMAL</c> survives a killed process (a power
/// loss may lose the last commits, never corrupt the file). A message's ledger row, raw bytes,
/// orders and stops commit in one transaction, and the ledger key is unique, so re-importing after
/// a crash at any instant ends with the same order book as an uninterrupted run.</para>
/// <para>Not thread-safe: use one instance per thread (except <see cref="Contains"/>). Several instances
/// (or processes) may open the same file; WAL lets readers run beside the one writer.</para>
/// </remarks>
public sealed class SqliteOrderBook : IOrderStore
{
    private readonly SqliteConnection _connection;
    // Opened on first use: the verbs that only read the order book never start either.
    private readonly Lazy<SqliteLedgerLookup> _lookup;
    private readonly SqliteLedgerWriter _writer;
    private readonly OrderBookQueries _queries;
    private readonly ServiceStateStore _state;
    private readonly string[] _outboxSinks;
    private bool _disposed;

    internal SqliteOrderBook(SqliteConnection connection, string connectionString, string path, int schemaVersionAtOpen, int schemaVersion, IReadOnlyList<string> outboxSinks)
    {
        _connection = connection;
        _lookup = new Lazy<SqliteLedgerLookup>(() => new SqliteLedgerLookup(connectionString), LazyThreadSafetyMode.ExecutionAndPublication);
        Location = path;
        SchemaVersionAtOpen = schemaVersionAtOpen;
        SchemaVersion = schemaVersion;
        _outboxSinks = [.. outboxSinks];
        _writer = new SqliteLedgerWriter(connection, connectionString, path, _outboxSinks);
        var dialect = new SqliteDialect(connection);
        _queries = new OrderBookQueries(dialect);
        _state = new ServiceStateStore(dialect);
    }

    /// <summary>The schema version of the open database (the latest this code knows, after migration).</summary>
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public int SchemaVersionAtOpen { get; }

    /// <inheritdoc />
    public OrderStoreKind Kind => OrderStoreKind.Sqlite;

    /// <summary>The database path as given to <see cref="Open(string)"/>.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutboxSinks => _outboxSinks;

    /// <summary>The schema version this code writes.</summary>
    public static int LatestSchemaVersion => OrderBookSchema.LatestVersion;

    /// <summary>
    /// Opens the order book at <paramref name="path"/>, creating the file (and its folder) if needed
    /// and applying every pending schema step in one transaction.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">
    /// The file is not a SQLite database or not an order book, cannot be opened or created, is locked,
    /// or has a newer schema than this code knows.
    /// </exception>
    public static SqliteOrderBook Open(string path) => SqliteStoreOpener.Open(path, OrderBookSchema.ForSqlite, new OrderStoreOptions());

    /// <summary>
    /// Opens the order book at <paramref name="path"/> with <paramref name="options"/> (outbox sinks,
    /// whether pending schema steps are applied; the connection string is ignored here).
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="Open(string)"/>; also when
    /// migrations are disabled and the schema is older than this code's.</exception>
    public static SqliteOrderBook Open(string path, OrderStoreOptions options) => SqliteStoreOpener.Open(path, OrderBookSchema.ForSqlite, options);

    internal static SqliteOrderBook Open(string path, IReadOnlyList<MigrationStep> steps) => SqliteStoreOpener.Open(path, steps, new OrderStoreOptions());

    internal static SqliteOrderBook Open(string path, IReadOnlyList<MigrationStep> steps, OrderStoreOptions options) => SqliteStoreOpener.Open(path, steps, options);

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
    public static SqliteOrderBook OpenForReading(string path, OrderStoreOptions options) => SqliteStoreOpener.OpenForReading(path, options);

    /// <summary>
    /// <c>schema_version.compatible_from</c>: the oldest schema version whose code may still use this database
    /// (written by a later release's additive steps); null when the column does not exist (no promise made).
    /// </summary>
    public static int? ReadCompatibleFrom(SqliteConnection connection, SqliteTransaction? transaction) =>
        SqliteStoreOpener.ReadCompatibleFrom(connection, transaction);

    /// <summary>
    /// True when a message with this ledger key is already in the ledger (processed or quarantined).
    /// Unlike the rest of this type, safe to call from any thread, also while another commits: it reads
    /// committed rows on a connection of its own.
    /// </summary>
    public bool Contains(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _lookup.Value.Contains(ledgerKey);
    }

    /// <summary>
    /// Records a message and its result in one transaction: the ledger row, the raw bytes, and (for a
    /// readable message) its orders with their stops. A result with <see cref="EmailResult.Error"/>
    /// set is recorded as quarantined with that reason and no orders.
    /// </summary>
    /// <returns>False, with nothing changed, when the ledger key is already recorded.</returns>
    /// <exception cref="OrderBookUnavailableException">The database failed (disk full, I/O); nothing of the message is stored.</exception>
    /// <exception cref="ArgumentException">
    /// An order cannot be written as spec JSON (a NaN or infinite coordinate); nothing of the message is
    /// stored, and the caller may quarantine the message instead.
    /// </exception>
    public bool Commit(StoredMessage message, EmailResult result)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.Commit(message, result);
    }

    /// <summary>
    /// Group commit: records several messages, each as <see cref="Commit"/> would, in ONE transaction,
    /// which costs far less per message than a transaction each (the pages a commit touches are
    /// written once per batch). Either every message of the batch is stored or none is.
    /// </summary>
    /// <returns>For each message in order: true when stored, false when its ledger key was already recorded
    /// (also by an earlier message of the same batch).</returns>
    /// <exception cref="OrderBookUnavailableException">The database failed; nothing of the batch is stored.</exception>
    /// <exception cref="ArgumentException">
    /// A message's order cannot be written as spec JSON; nothing of the batch is stored. Commit the
    /// batch's messages one by one to find it.
    /// </exception>
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

    /// <summary>Orders matching <paramref name="query"/> as list rows, ordered by id.</summary>
    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.ListOrders(query);
    }

    /// <summary>One order with its stops, field evidence and message metadata; null when there is no such id.</summary>
    public StoredOrder? GetOrder(long id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.GetOrder(id);
    }

    /// <summary>
    /// Orders matching <paramref name="query"/> in full, ordered by id, read one at a time as the
    /// caller enumerates (for exports of any size). Finish or dispose the enumeration before the
    /// next <see cref="Commit"/> on this instance.
    /// </summary>
    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.QueryOrders(query);
    }

    /// <summary>How many messages were processed and quarantined, processed ones by classification, and the number of orders.</summary>
    public LedgerCounts CountLedger()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.CountLedger();
    }

    /// <summary>Quarantined messages (with their reasons), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.ListQuarantined(limit, offset);
    }

    /// <summary>The ledger row for a message; null when the key is not recorded.</summary>
    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queries.GetLedgerEntry(ledgerKey);
    }

    /// <summary>The message's bytes as received; null when the key is not recorded.</summary>
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
    /// <remarks>
    /// One upsert statement, which SQLite runs as its own write transaction: the check (free, expired
    /// or ours) and the take cannot be split by another process sharing the file.
    /// </remarks>
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

    /// <summary>Closes the connection (the WAL is checkpointed when the last connection to the file closes).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // The checkpointer and the look-up close first, so the writer's connection is the last one and
        // SQLite checkpoints and removes the log as it closes.
        _writer.Dispose();
        if (_lookup.IsValueCreated)
        {
            _lookup.Value.Dispose();
        }

        _connection.Dispose();
    }
}
