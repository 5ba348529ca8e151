using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage.Corrections;
using FleetManager.Storage.Retention;
using FleetManager.Storage.Sqlite;
using FleetManager.Storage.Users;

namespace FleetManager.Storage;

/// <summary>
/// Everything the program keeps, on either back-end (<see cref="SqliteOrderBook"/>,
/// <see cref="Postgres.PostgresOrderBook"/>): the ledger, raw messages, orders and stops, and the
/// service's state (outbox, cursors, leases, geocode cache). Open one with <see cref="OrderStoreFactory"/>.
/// </summary>
/// <remarks>
/// It is Core's ports itself (<see cref="IOrderBook"/> and the service-state ports), so the pipeline and the
/// service use a store as it is. An instance may be called from several threads (the SQLite one serialises
/// its calls on its one connection, except <see cref="IOrderBook.ContainsAsync"/>, which never waits for a commit);
/// enumerate <see cref="QueryOrdersAsync"/> to its end before the next call. The reads and writes are asynchronous
/// (PostgreSQL does real asynchronous I/O through Npgsql; Microsoft.Data.Sqlite's asynchronous calls complete synchronously).
/// Several instances and processes may
/// share one store: commits are idempotent by the unique ledger key and leases are atomic. A failure of the
/// database surfaces as <see cref="OrderBookUnavailableException"/> or <see cref="StoreDamagedException"/>,
/// never as the database library's own exception.
/// </remarks>
public interface IOrderStore : IOrderBook, ICursorStore, ILeaseStore, IOutbox, IOutboxFailureLog, IGeocodeCache, IRawMessagePurger, IDisposable
{
    /// <summary>Which back-end this is.</summary>
    OrderStoreKind Kind { get; }

    /// <summary>Where the store is, for messages: the SQLite path, or PostgreSQL host/port/database (never the password).</summary>
    string Location { get; }

    /// <summary>The schema version of the open store (after migration).</summary>
    int SchemaVersion { get; }

    /// <summary>The schema version the store had when it was opened, before any migration step ran (0: it was empty).</summary>
    int SchemaVersionAtOpen { get; }

    /// <summary>People's corrections and workflow status of this book's orders (same connection and guard as the store).</summary>
    IOrderCorrections Corrections { get; }

    /// <summary>The dashboard's built-in users (same connection and guard as the store).</summary>
    IUserAccounts Users { get; }

    /// <summary>The sinks that get an outbox row per committed order (empty: no outbox writes).</summary>
    IReadOnlyList<string> OutboxSinks { get; }

    /// <summary>
    /// One line saying that the orders list's search has no index and what to run (PostgreSQL without the pg_trgm
    /// extension: the search still answers, by scanning); null when the search is indexed.
    /// </summary>
    string? SearchIndexWarning => null;

    /// <summary>
    /// Records a message and its result in one transaction: the ledger row, the raw bytes, its orders
    /// with their stops and, per configured sink, an outbox row per order.
    /// </summary>
    /// <returns>False, with nothing changed, when the ledger key is already recorded.</returns>
    ValueTask<bool> CommitAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken);

    /// <summary>Group commit: several messages, each as <see cref="CommitAsync(StoredMessage, EmailResult, CancellationToken)"/> would, in ONE transaction (all or none).</summary>
    ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken);

    /// <summary>Orders matching <paramref name="query"/> as list rows, ordered by id.</summary>
    ValueTask<IReadOnlyList<OrderSummary>> ListOrdersAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the orders list (search, filters, sort, keyset page and the total), answered in SQL on the corrected
    /// orders and their statuses; orders committed since the previous call are added to the list first.
    /// </summary>
    ValueTask<OrderBrowsePage> BrowseOrdersAsync(OrderBrowseQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The same page as <see cref="BrowseOrdersAsync"/> (same search, filters, sort, cursor and count) as the orders page
    /// shows it: read from the list's own columns, so no order is read or parsed (a page view's allocations; docs/benchmarks.md).
    /// </summary>
    ValueTask<OrderListEntryPage> ListOrderEntriesAsync(OrderBrowseQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> stops that have a place (a city) but no coordinates, by order and stop, and how
    /// many there are: answered in SQL (a partial index on stops without coordinates), never by reading every order.
    /// </summary>
    ValueTask<UnplacedStopSelection> SelectUnplacedStopsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The lanes of the first <paramref name="limit"/> open orders (status not delivered or cancelled) that have a stop
    /// with coordinates, by order id, with the counts of open and of unplaced open orders: answered in SQL.
    /// </summary>
    ValueTask<OpenLaneSelection> SelectOpenLanesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> undelivered outbox rows (every sink) whose pushes failed at least
    /// <paramref name="minAttempts"/> times (see <see cref="IOutboxFailureLog.RecordFailedPushAsync"/>), most attempts first, with the
    /// order's reference when the order is still there, and how many there are: answered in SQL (a partial index).
    /// </summary>
    ValueTask<FailingOutboxSelection> SelectFailingOutboxAsync(int minAttempts, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Retries the undelivered rows that failed at least <paramref name="minAttempts"/> times: their count of attempts goes
    /// back to 0 (they leave the failing list; the next push tries them as ever, from the oldest). Returns how many.
    /// </summary>
    ValueTask<int> RetryFailingOutboxAsync(int minAttempts, CancellationToken cancellationToken);

    /// <summary>One order with its stops, field evidence and message metadata; null when there is no such id.</summary>
    ValueTask<StoredOrder?> GetOrderAsync(long id, CancellationToken cancellationToken);

    /// <summary>Orders matching <paramref name="query"/> in full, ordered by id, read as the caller enumerates (the statement runs at the first <c>MoveNextAsync</c>).</summary>
    IAsyncEnumerable<StoredOrder> QueryOrdersAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>Totals of the ledger.</summary>
    ValueTask<LedgerCounts> CountLedgerAsync(CancellationToken cancellationToken);

    /// <summary>Quarantined messages (with their reasons), oldest first.</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListQuarantinedAsync(int limit, int offset, CancellationToken cancellationToken);

    /// <summary>The ledger row for a message; null when the key is not recorded.</summary>
    ValueTask<LedgerEntry?> GetLedgerEntryAsync(string ledgerKey, CancellationToken cancellationToken);

    /// <summary>The message's bytes as received; null when the key is not recorded.</summary>
    ValueTask<byte[]?> GetRawMessageAsync(string ledgerKey, CancellationToken cancellationToken);

    /// <summary>Ledger rows matching <paramref name="query"/>, by increasing id (the page after <see cref="LedgerQuery.AfterId"/>).</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(LedgerQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces what is recorded for a message already in the ledger (<c>fleetmanager reprocess</c>), in ONE
    /// transaction: the ledger row's outcome (status, classification, reason, order count, processed time and
    /// the header fields of <paramref name="message"/>), its orders and stops; per configured sink, an
    /// <see cref="OutboxChange.Upsert"/> entry per new order and a <see cref="OutboxChange.Delete"/> entry per order key
    /// that disappeared, and the old orders' undelivered entries are dropped. The raw bytes are kept as they are
    /// (<paramref name="message"/>'s <see cref="StoredMessage.Raw"/> is ignored).
    /// </summary>
    /// <returns><see cref="ReplaceOutcome.Unchanged"/>, writing nothing, when the stored outcome and orders (with their
    /// evidence) already equal <paramref name="result"/>; so reprocessing twice changes nothing the second time.</returns>
    ValueTask<ReplaceOutcome> ReplaceAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken);
}
