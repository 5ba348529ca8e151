using FleetManager.Storage.Schema;
using FleetManager.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// The order book in one SQLite file: the ledger (one row per message, processed or quarantined),
/// each message's raw bytes, its orders (typed columns for filtering plus the exact spec JSON and
/// the field evidence) and their stops, and the service's state. The rooms that do the work share one
/// connection: <see cref="SqliteStoreOpener"/> (open, migrate), <see cref="SqliteLedgerWriter"/> (commits), and
/// the statements shared with PostgreSQL (<see cref="SqlOrderStore"/>) spelled by <see cref="SqliteDialect"/>.
/// </summary>
/// <remarks>
/// <para>Crash safety: WAL journal with <c>synchronous=NORMAL</c> survives a killed process (a power
/// loss may lose the last commits, never corrupt the file). A message's ledger row, raw bytes,
/// orders and stops commit in one transaction, and the ledger key is unique, so re-importing after
/// a crash at any instant ends with the same order book as an uninterrupted run.</para>
/// <para>One connection, so every call runs under the store's lock (see <see cref="SqlOrderStore"/>), except
/// <see cref="Contains"/>, which reads committed rows on a connection of its own and so never waits for a
/// commit. Several instances (or processes) may open the same file; WAL lets readers run beside the one writer.</para>
/// </remarks>
public sealed class SqliteOrderBook : SqlOrderStore
{
    private readonly SqliteConnection _connection;
    // Opened on first use: the verbs that only read the order book never start it.
    private readonly Lazy<SqliteLedgerLookup> _lookup;

    internal SqliteOrderBook(SqliteConnection connection, string connectionString, string path, int schemaVersionAtOpen, int schemaVersion, IReadOnlyList<string> outboxSinks)
        : base(new SqliteDialect(connection), new SqliteLedgerWriter(connection, connectionString, path, outboxSinks), path, schemaVersionAtOpen, schemaVersion, outboxSinks, serialize: true)
    {
        _connection = connection;
        _lookup = new Lazy<SqliteLedgerLookup>(() => new SqliteLedgerLookup(connectionString), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public override OrderStoreKind Kind => OrderStoreKind.Sqlite;

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
    /// Safe beside any other call, also while another thread commits: it reads committed rows on a
    /// connection of its own.
    /// </summary>
    /// <remarks>Completes synchronously (SQLite is in-process): the import asks this once per message, so it allocates nothing.</remarks>
    public override ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(RunUnserialized(() => _lookup.Value.Contains(ledgerKey)));
    }

    /// <summary>Closes the connections (the WAL is checkpointed when the last connection to the file closes).</summary>
    private protected override void CloseConnections()
    {
        // The writer (with the checkpointer) and the look-up close first, so the writer's connection is the
        // last one and SQLite checkpoints and removes the log as it closes.
        if (_lookup.IsValueCreated)
        {
            _lookup.Value.Dispose();
        }

        _connection.Dispose();
    }
}
