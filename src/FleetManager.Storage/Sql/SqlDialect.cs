using System.Data.Common;
using System.Text;

namespace FleetManager.Storage.Sql;

/// <summary>
/// What differs between the back-ends for the statements they share (<see cref="OrderBookQueries"/>,
/// <see cref="ServiceStateStore"/>, <see cref="OrderFilterSql"/>): where a command runs, how a parameter is
/// written and typed, the few expressions with another spelling, and the two statements whose shape differs.
/// </summary>
/// <remarks>
/// Each <c>Add…</c> method adds a parameter to the command and returns its placeholder, so a shared
/// statement is written once with the placeholders interpolated where the values go.
/// </remarks>
internal abstract class SqlDialect
{
    /// <summary>A command ready to run outside any transaction (SQLite: on the book's connection; PostgreSQL: on a pooled one).</summary>
    public abstract DbCommand CreateCommand();

    public abstract string AddText(DbCommand command, string? value);

    public abstract string AddInt(DbCommand command, int value);

    public abstract string AddLong(DbCommand command, long value);

    public abstract string AddDouble(DbCommand command, double? value);

    /// <summary>A calendar date as the order columns keep it (SQLite: ISO text; PostgreSQL: <c>date</c>).</summary>
    public abstract string AddDate(DbCommand command, DateOnly value);

    /// <summary>An instant as the service's columns keep it (SQLite: ISO text; PostgreSQL: <c>timestamptz</c> in UTC).</summary>
    public abstract string AddInstant(DbCommand command, DateTimeOffset value);

    /// <summary>The condition "the order's customer, folded, contains <paramref name="parameter"/>" (already folded).</summary>
    public abstract string CustomerContains(string parameter);

    /// <summary>The condition "the text <paramref name="column"/> contains <paramref name="parameter"/>" (exactly, as stored).</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>
    /// The condition "the orders-list row <c>x</c>'s search text contains <paramref name="folded"/>" (already folded),
    /// through the back-end's search index (schema step 7) where the term is long enough for it; the term is added as
    /// a parameter of <paramref name="command"/>. Matches exactly the rows a plain substring test would.
    /// </summary>
    public abstract string SearchMatches(DbCommand command, string folded);

    /// <summary>
    /// The same condition as <see cref="SearchMatches"/>, tested on each row as a scan in sort order reaches it, for a
    /// term that many orders match: the page then stops after its rows instead of collecting and sorting every match.
    /// A back-end whose planner chooses that by itself returns <see cref="SearchMatches"/>.
    /// </summary>
    public virtual string SearchProbe(DbCommand command, string folded) => SearchMatches(command, folded);

    /// <summary>
    /// The keyset condition "after the cursor" of a page sorted by <paramref name="column"/> then <c>x.order_id</c>
    /// (<paramref name="comparison"/> is <c>&gt;</c> ascending, <c>&lt;</c> descending): spelled out with OR here, as
    /// SQLite's plans were measured and kept with it (<c>SqliteOrderListPlanTests</c>: a range on the sort column);
    /// PostgreSQL's writes a row value, which only then its planner uses as an index condition.
    /// </summary>
    public virtual string KeysetAfter(string column, string comparison, string value, string id) =>
        $"({column} {comparison} {value} OR ({column} = {value} AND x.order_id {comparison} {id}))";

    /// <summary>
    /// A statement selecting one row per order whose search text contains <paramref name="folded"/>, from the search index
    /// alone (no <c>order_list</c> row read), for counting a view whose only condition is the search; null where the
    /// back-end has no such index for the term, and the count then goes through <c>order_list</c>.
    /// </summary>
    public virtual string? SearchIndexRows(DbCommand command, string folded) => null;

    /// <summary>
    /// Starts writing a batch of new <c>order_list</c> rows in <paramref name="write"/>'s transaction whose search index is
    /// written by <see cref="EndListBatch"/> in one statement rather than row by row (SQLite: schema step 10).
    /// </summary>
    public virtual void BeginListBatch(DbCommand write)
    {
    }

    /// <summary>Ends what <see cref="BeginListBatch"/> started: indexes the rows <paramref name="inserted"/> (by order id) for search.</summary>
    public virtual void EndListBatch(DbCommand write, IReadOnlyCollection<long> inserted)
    {
    }

    /// <summary>
    /// How many <c>order_list</c> rows (27 parameters each) one multi-row INSERT writes. PostgreSQL: 50 (1,350 parameters of
    /// its 65,535), since each statement is a round trip. SQLite overrides it: there a statement costs no round trip, and
    /// Microsoft.Data.Sqlite binds each parameter by name, a linear look-up in the statement's list of names, so a
    /// statement of n parameters costs n²/2 name comparisons.
    /// </summary>
    public virtual int ListRowsPerInsert => 50;

    /// <summary>The condition "the order's reference equals <paramref name="parameter"/>, ignoring case".</summary>
    public abstract string ReferenceMatches(string parameter);

    /// <summary>The condition "the ledger row was processed at or after the instant <paramref name="parameter"/>", whatever offset it was written with.</summary>
    public abstract string ProcessedAtOrAfter(string parameter);

    /// <summary>Appends the LIMIT/OFFSET of a page (nothing when there is neither).</summary>
    public abstract void AppendPage(StringBuilder sql, DbCommand command, int? limit, int offset);

    /// <summary>An order column holding a date (null when NULL).</summary>
    public abstract DateOnly? ReadDate(DbDataReader reader, int ordinal);

    /// <summary>An order column holding an amount (null when NULL).</summary>
    public abstract decimal? ReadDecimal(DbDataReader reader, int ordinal);

    /// <summary>An instant written with <see cref="AddInstant"/> (SQLite: ISO text; PostgreSQL: <c>timestamptz</c>).</summary>
    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>
    /// The connection a transaction runs on, and whether it is the transaction's to close: PostgreSQL a pooled one of its
    /// data source (closed after), SQLite the book's one connection (kept open).
    /// </summary>
    protected abstract (DbConnection Connection, bool Owned) TransactionConnection();

    /// <summary><see cref="TransactionConnection"/> opened asynchronously where the library can (PostgreSQL).</summary>
    protected virtual ValueTask<(DbConnection Connection, bool Owned)> TransactionConnectionAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(TransactionConnection());

    /// <summary>
    /// Runs <paramref name="work"/> with one command inside one transaction (committed when it returns), for the few
    /// writes of several statements that must not be seen half done (clear the command's parameters between statements).
    /// PostgreSQL opens, begins and commits with Npgsql's
    /// asynchronous calls; Microsoft.Data.Sqlite has no asynchronous I/O (its async methods run synchronously), so
    /// SQLite's transaction completes synchronously under the store's gate.
    /// </summary>
    public async ValueTask<T> InTransactionAsync<T>(Func<DbCommand, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var (connection, owned) = await TransactionConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var result = await work(command, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            if (owned)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The lease upsert (<see cref="Core.Pipeline.ILeaseStore.TryAcquireAsync"/>): the lease table keeps its expiry differently per back-end.</summary>
    public abstract ValueTask<bool> TryAcquireLeaseAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The store's exception for a failure of the database library (<see cref="System.Data.Common.DbException"/>, a
    /// timeout), worded with what to do; null for anything else, which propagates as it is (a bug, an argument).
    /// </summary>
    public abstract Core.Errors.StoreException? Failure(Exception exception, string location);

    /// <summary>Marks outbox rows delivered in one transaction (<see cref="Core.Pipeline.IOutbox.MarkDeliveredAsync"/>).</summary>
    public abstract ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken);
}
