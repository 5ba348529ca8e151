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
/// its calls on its one connection, except <see cref="IOrderBook.Contains"/>, which never waits for a commit);
/// enumerate <see cref="QueryOrders"/> to its end before the next call. Several instances and processes may
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
    /// <see cref="IOrderBook.ContainsAsync"/> for the CLI's one-off synchronous calls (the import and the service use the
    /// asynchronous port).
    /// </summary>
    bool Contains(string ledgerKey);

    /// <summary><see cref="IOrderBook.IsQuarantinedAsync"/> for the CLI's synchronous calls.</summary>
    bool IsQuarantined(string ledgerKey);

    /// <summary><see cref="IOrderBook.CommitAsync"/> for the CLI's synchronous calls.</summary>
    bool Commit(ProcessedMessage message, DateTimeOffset processedAt);

    /// <summary><see cref="IOrderBook.CommitBatchAsync"/> for the CLI's synchronous calls.</summary>
    IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt);

    /// <summary>
    /// Records a message and its result in one transaction: the ledger row, the raw bytes, its orders
    /// with their stops and, per configured sink, an outbox row per order.
    /// </summary>
    /// <returns>False, with nothing changed, when the ledger key is already recorded.</returns>
    bool Commit(StoredMessage message, EmailResult result);

    /// <summary>Group commit: several messages, each as <see cref="Commit"/> would, in ONE transaction (all or none).</summary>
    IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch);

    /// <summary>Orders matching <paramref name="query"/> as list rows, ordered by id.</summary>
    IReadOnlyList<OrderSummary> ListOrders(OrderQuery query);

    /// <summary>
    /// One page of the orders list (search, filters, sort, keyset page and the total), answered in SQL on the corrected
    /// orders and their statuses; orders committed since the previous call are added to the list first.
    /// </summary>
    ValueTask<OrderBrowsePage> BrowseOrdersAsync(OrderBrowseQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> stops that have a place (a city) but no coordinates, by order and stop, and how
    /// many there are: answered in SQL (a partial index on stops without coordinates), never by reading every order.
    /// </summary>
    UnplacedStopSelection SelectUnplacedStops(int limit);

    /// <summary>
    /// The lanes of the first <paramref name="limit"/> open orders (status not delivered or cancelled) that have a stop
    /// with coordinates, by order id, with the counts of open and of unplaced open orders: answered in SQL.
    /// </summary>
    OpenLaneSelection SelectOpenLanes(int limit);

    /// <summary>
    /// The first <paramref name="limit"/> undelivered outbox rows (every sink) whose pushes failed at least
    /// <paramref name="minAttempts"/> times (see <see cref="IOutboxFailureLog.RecordFailedPushAsync"/>), most attempts first, with the
    /// order's reference when the order is still there, and how many there are: answered in SQL (a partial index).
    /// </summary>
    FailingOutboxSelection SelectFailingOutbox(int minAttempts, int limit);

    /// <summary>
    /// Retries the undelivered rows that failed at least <paramref name="minAttempts"/> times: their count of attempts goes
    /// back to 0 (they leave the failing list; the next push tries them as ever, from the oldest). Returns how many.
    /// </summary>
    int RetryFailingOutbox(int minAttempts);

    /// <summary>One order with its stops, field evidence and message metadata; null when there is no such id.</summary>
    StoredOrder? GetOrder(long id);

    /// <summary>Orders matching <paramref name="query"/> in full, ordered by id, read as the caller enumerates.</summary>
    IEnumerable<StoredOrder> QueryOrders(OrderQuery query);

    /// <summary>Totals of the ledger.</summary>
    LedgerCounts CountLedger();

    /// <summary>Quarantined messages (with their reasons), oldest first.</summary>
    IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0);

    /// <summary>The ledger row for a message; null when the key is not recorded.</summary>
    LedgerEntry? GetLedgerEntry(string ledgerKey);

    /// <summary>The message's bytes as received; null when the key is not recorded.</summary>
    byte[]? GetRawMessage(string ledgerKey);

    /// <summary>Ledger rows matching <paramref name="query"/>, by increasing id (the page after <see cref="LedgerQuery.AfterId"/>).</summary>
    IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query);

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
    ReplaceOutcome Replace(StoredMessage message, EmailResult result);
}
