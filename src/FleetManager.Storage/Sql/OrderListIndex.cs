using System.Data.Common;
using System.Globalization;
using System.Text;
using FleetManager.Core.Text;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The <c>order_list</c> table (schema step 5): one row per order with its corrections and status applied, what the
/// orders list searches, filters, sorts and counts in SQL instead of reading the whole book. Rows are derived here
/// from the order as read, its corrections and its status; the store keeps them current (<see cref="Sync"/> before a
/// list query picks up orders committed since, <see cref="Refresh"/> after a correction or status change,
/// <see cref="RefreshMessage"/> after a reprocess).
/// </summary>
internal sealed class OrderListIndex(SqlDialect dialect, OrderCorrectionQueries corrections)
{
    // Rows derived per transaction while catching up. The size barely changes the CPU (SQLite's share for 7,858 orders:
    // 1.25 s in one transaction, 1.26 s by 2,000, 1.40 s by 500; docs/benchmarks.md) but bounds the orders held in memory
    // with their JSON (by 2,000 the import's peak RSS grew ~50 MB) and lets another writer of the same file in between.
    private const int SyncBatch = 500;

    // Matches from which a search is probed per row in sort order (on a book where this many match, a page of 50 is
    // found within a few thousand rows) rather than collected from the search index and sorted.
    private const int CommonSearchMatches = 1000;

    private const string FromOrders = "FROM orders o JOIN ledger l ON l.id = o.ledger_id";

    // A list row never shows a field's evidence (the order's page reads the order by itself), so neither the page nor the
    // derivation of rows reads sources_json: a dictionary of spans per order was a sixth of what a page view allocated, and
    // most of what catching up after an import allocated (docs/benchmarks.md).
    private const string ListedOrderColumns = $"o.id, o.order_index, o.order_json, CAST(NULL AS text), {OrderRows.LedgerColumns}";

    /// <summary>
    /// Adds the rows of orders committed since the last call (ids above the highest listed one), in batches of
    /// <see cref="SyncBatch"/> each written in one transaction by one prepared upsert; returns how many were derived.
    /// </summary>
    /// <param name="progress">Told the running total after each batch (the import's progress display).</param>
    public int Sync(IProgress<int>? progress = null)
    {
        IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>? allCorrections = null;
        IReadOnlyDictionary<long, OrderReview>? statuses = null;
        var derived = 0;
        while (true)
        {
            var after = MaxListed();
            List<StoredOrder> batch;
            using (var command = dialect.CreateCommand())
            {
                var from = dialect.AddLong(command, after);
                command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE o.id > {from} ORDER BY o.id LIMIT {dialect.AddInt(command, SyncBatch)}";
                batch = Read(command);
            }

            if (batch.Count == 0)
            {
                return derived;
            }

            // Corrections and statuses are few: read once for the whole catch-up, not per order.
            allCorrections ??= corrections.All();
            statuses ??= corrections.Statuses();
            WriteNew([.. batch.Select(o => Derive(o, allCorrections.GetValueOrDefault(o.Id), statuses.TryGetValue(o.Id, out var r) ? r.Status : OrderStatus.New))]);
            derived += batch.Count;
            progress?.Report(derived);
            if (batch.Count < SyncBatch)
            {
                return derived;
            }
        }
    }

    /// <summary>Derives one order's row again (after a correction or a status change); removes it when the order is gone.</summary>
    public void Refresh(long orderId)
    {
        // Catch up first: a row written here above the highest listed id would make Sync skip the orders below it.
        Sync();
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE o.id = {dialect.AddLong(command, orderId)}";
        var rows = Read(command).Select(DeriveWithItsCorrections).ToList();
        dialect.InTransaction(write =>
        {
            write.CommandText = "DELETE FROM order_list WHERE order_id = " + dialect.AddLong(write, orderId);
            write.ExecuteNonQuery();
            foreach (var row in rows)
            {
                Upsert(write, row, UpsertTail.DoUpdate);
            }

            return true;
        });
    }

    /// <summary>Replaces the rows of one message's orders (after <see cref="IOrderStore.Replace"/> gave it new ones).</summary>
    public void RefreshMessage(string ledgerKey)
    {
        Sync();
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE l.ledger_key = {dialect.AddText(command, ledgerKey)} ORDER BY o.id";
        Write([.. Read(command).Select(DeriveWithItsCorrections)], clearLedgerKey: ledgerKey, replaceEach: true);
    }

    /// <summary>The page the query asks for, the total matching and the next cursor; catches up with new orders first.</summary>
    public OrderBrowsePage Browse(OrderBrowseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Sync();
        var (total, capped) = Count(query);

        // A term that many orders match is tested per row while the sorted index is walked, so the page stops after its
        // rows; a rarer one goes through the search index's match set, small enough to collect and sort.
        var probeSearch = !string.IsNullOrWhiteSpace(query.Search) && (capped || total >= CommonSearchMatches);
        var sortColumn = OrderFilterSql.BrowseSortColumn(query.Sort);
        var rows = new List<OrderBrowseRow>();
        string? lastSortValue = null;
        var more = false;
        using (var command = dialect.CreateCommand())
        {
            var direction = query.Descending ? " DESC" : "";
            var order = new StringBuilder(" ORDER BY ").Append(sortColumn).Append(direction);
            if (sortColumn != "x.order_id")
            {
                order.Append(", x.order_id").Append(direction);
            }

            // The page is chosen in order_list alone and only its rows are joined to their orders: joined first, a sort
            // over many matches (a filter sorted by date) read every match's order JSON before keeping 51 of them.
            var sql = new StringBuilder($"SELECT {ListedOrderColumns}, x.status, x.incomplete, x.corrections, {sortColumn} FROM (")
                .Append("SELECT x.order_id, x.status, x.incomplete, x.corrections").Append(sortColumn == "x.order_id" ? "" : ", " + sortColumn)
                .Append(" FROM order_list x")
                .Append(OrderFilterSql.BrowseWhere(dialect, command, query, withCursor: true, probeSearch))
                .Append(order);
            if (query.Limit is { } limit)
            {
                // One row more than the page tells whether there is a next one.
                sql.Append(" LIMIT ").Append(dialect.AddInt(command, limit + 1));
            }

            sql.Append(") x JOIN orders o ON o.id = x.order_id JOIN ledger l ON l.id = o.ledger_id").Append(order);
            command.CommandText = sql.ToString();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (query.Limit is { } pageSize && rows.Count == pageSize)
                {
                    more = true;
                    break;
                }

                var stored = OrderRows.ReadStoredOrder(reader);
                _ = OrderStatusNames.TryParse(reader.GetString(17), out var status); // a name this release does not know reads as New
                var correctionCount = reader.GetInt32(19);
                rows.Add(new OrderBrowseRow(stored, status, reader.GetInt32(18) != 0 && status == OrderStatus.New, correctionCount));
                lastSortValue = sortColumn == "x.weight_sort"
                    ? reader.GetDouble(20).ToString("R", CultureInfo.InvariantCulture)
                    : sortColumn == "x.order_id" ? "" : reader.GetString(20);
            }
        }

        // Corrections are few: only the corrected rows of the page read theirs.
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].CorrectionCount > 0)
            {
                rows[i] = rows[i] with { Order = CorrectedOrders.Apply(rows[i].Order, corrections.For(rows[i].Order.Id)) };
            }
        }

        var next = more ? rows[^1].Order.Id.ToString(CultureInfo.InvariantCulture) + "." + lastSortValue : null;
        return new OrderBrowsePage(rows, total, next, capped);
    }

    /// <summary>
    /// How many orders the view matches, counted up to <see cref="OrderBrowseQuery.CountLimit"/>: a count stops there
    /// (capped) instead of reading every match of a broad search or filter on each page view.
    /// </summary>
    private (long Total, bool Capped) Count(OrderBrowseQuery query)
    {
        using var count = dialect.CreateCommand();

        // A search and nothing else is counted in the search index alone where the back-end has one (SQLite's FTS5).
        var rows = !string.IsNullOrWhiteSpace(query.Search) && !HasConditionsBesidesSearch(query)
            ? dialect.SearchIndexRows(count, TextFold.Fold(query.Search.Trim()))
            : null;
        rows ??= "SELECT 1 FROM order_list x" + OrderFilterSql.BrowseWhere(dialect, count, query, withCursor: false);
        if (query.CountLimit is not { } limit)
        {
            count.CommandText = $"SELECT COUNT(*) FROM ({rows}) c";
            return (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture), false);
        }

        // One row beyond the limit tells that more match.
        count.CommandText = $"SELECT COUNT(*) FROM ({rows} LIMIT {dialect.AddInt(count, limit + 1)}) c";
        var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return total > limit ? (limit, true) : (total, false);
    }

    private bool HasConditionsBesidesSearch(OrderBrowseQuery query)
    {
        // Written on a command of its own: its parameters must not stay on the count's (PostgreSQL's are positional).
        using var scratch = dialect.CreateCommand();
        return OrderFilterSql.BrowseWhere(dialect, scratch, query with { Search = null }, withCursor: false).Length > 0;
    }

    private long MaxListed()
    {
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT MAX(order_id) FROM order_list";
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    private static List<StoredOrder> Read(DbCommand command)
    {
        var list = new List<StoredOrder>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(OrderRows.ReadStoredOrder(reader));
        }

        return list;
    }

    private ListRow DeriveWithItsCorrections(StoredOrder read) => Derive(read, corrections.For(read.Id), corrections.StatusOf(read.Id).Status);

    private static ListRow Derive(StoredOrder read, IReadOnlyList<OrderCorrection>? list, OrderStatus status) =>
        new(read, CorrectedOrders.Apply(read, list).Order, status, list?.Count ?? 0);

    // New rows only (the catch-up): a row another instance listed meanwhile is left as it is (ON CONFLICT DO NOTHING:
    // derived from the same order, it is the same row), and only the rows this transaction inserted are indexed for search.
    private void WriteNew(List<ListRow> orders)
    {
        dialect.InTransaction(write =>
        {
            dialect.BeginListBatch(write);
            var inserted = new List<long>(orders.Count);
            foreach (var order in orders)
            {
                if (Upsert(write, order, UpsertTail.DoNothing) > 0)
                {
                    inserted.Add(order.Read.Id);
                }
            }

            dialect.EndListBatch(write, inserted);
            return true;
        });
    }

    // Written outside any read: SQLite refuses a command on a connection with a pending transaction it is not part of.
    // replaceEach: a re-derived order's row may exist under another message (a reprocess moved it), so it is deleted by
    // id first; rows caught up after the highest listed id need no delete, the upsert covers a row another instance
    // derived meanwhile.
    private void Write(List<ListRow> orders, string? clearLedgerKey, bool replaceEach)
    {
        dialect.InTransaction(write =>
        {
            if (clearLedgerKey is not null || replaceEach)
            {
                using var delete = write.Connection!.CreateCommand();
                delete.Transaction = write.Transaction;
                if (clearLedgerKey is not null)
                {
                    delete.CommandText = "DELETE FROM order_list WHERE ledger_key = " + dialect.AddText(delete, clearLedgerKey);
                    delete.ExecuteNonQuery();
                }

                if (replaceEach)
                {
                    foreach (var order in orders)
                    {
                        delete.Parameters.Clear();
                        delete.CommandText = "DELETE FROM order_list WHERE order_id = " + dialect.AddLong(delete, order.Read.Id);
                        delete.ExecuteNonQuery();
                    }
                }
            }

            foreach (var order in orders)
            {
                Upsert(write, order, UpsertTail.DoUpdate);
            }

            return true;
        });
    }

    /// <summary>
    /// Writes one order's row, inserted or replacing the row of the same order (INSERT … ON CONFLICT DO UPDATE on both
    /// back-ends: two instances catching up at once derive the same rows, and the second must not fail on the key).
    /// </summary>
    /// <remarks>
    /// The statement text is the same for every row (the parameters are added in the same order, so they get the same
    /// names), and it is set on the command only when it differs: the command keeps its prepared statement across the
    /// rows of a batch instead of compiling the upsert again per row.
    /// </remarks>
    /// <returns>The rows written: 0 when <paramref name="tail"/> is <see cref="UpsertTail.DoNothing"/> and the order was listed already.</returns>
    private int Upsert(DbCommand write, ListRow row, string tail)
    {
        var (read, order, status, correctionCount) = row;
        var (loading, unloading) = OrderRows.Ends(order);
        var search = new StringBuilder();
        foreach (var text in new[] { order.ReferenceNumber, order.Customer, order.CargoDescription }
            .Concat(order.Stops.SelectMany(s => new[] { s.Company, s.Address, s.PostalCode, s.City })))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                search.Append(TextFold.Fold(text)).Append('\n');
            }
        }

        write.Parameters.Clear();
        var sql =
            "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) VALUES (" +
            string.Join(", ",
                dialect.AddLong(write, read.Id),
                dialect.AddText(write, read.Message.LedgerKey),
                dialect.AddInt(write, read.OrderIndex),
                dialect.AddText(write, read.Message.SourceKey),
                dialect.AddText(write, search.ToString()),
                dialect.AddText(write, TextFold.Fold(order.ReferenceNumber ?? "")),
                dialect.AddText(write, TextFold.Fold(order.Customer ?? "")),
                dialect.AddText(write, loading?.Date is { } from ? SpecText.Of(from) : ""),
                dialect.AddText(write, unloading?.Date is { } to ? SpecText.Of(to) : ""),
                dialect.AddDouble(write, order.WeightKg is { } weight ? (double)weight : -1),
                dialect.AddText(write, loading?.Country?.ToUpperInvariant()),
                dialect.AddText(write, unloading?.Country?.ToUpperInvariant()),
                dialect.AddText(write, order.RequestType is { } type ? SpecText.Of(type) : null),
                dialect.AddDouble(write, order.Confidence?.Order),
                dialect.AddInt(write, OrderReviewNeed.IsIncomplete(order) ? 1 : 0),
                dialect.AddText(write, OrderStatusNames.Of(status)),
                dialect.AddInt(write, correctionCount)) + ")" + tail;
        if (!string.Equals(write.CommandText, sql, StringComparison.Ordinal))
        {
            write.CommandText = sql;
        }

        return write.ExecuteNonQuery();
    }

    /// <summary>What an insert does when the order is listed already; the same spelling on SQLite (3.24+) and PostgreSQL.</summary>
    private static class UpsertTail
    {
        public const string DoNothing = " ON CONFLICT (order_id) DO NOTHING";

        // The search index follows through the update trigger (SQLite) or the GIN index (PostgreSQL).
        public const string DoUpdate =
        " ON CONFLICT (order_id) DO UPDATE SET ledger_key = excluded.ledger_key, order_index = excluded.order_index, source_key = excluded.source_key, " +
        "search_text = excluded.search_text, reference_sort = excluded.reference_sort, customer_sort = excluded.customer_sort, " +
        "loading_date = excluded.loading_date, unloading_date = excluded.unloading_date, weight_sort = excluded.weight_sort, " +
        "loading_country = excluded.loading_country, unloading_country = excluded.unloading_country, request_type = excluded.request_type, " +
        "confidence = excluded.confidence, incomplete = excluded.incomplete, status = excluded.status, corrections = excluded.corrections";
    }

    private readonly record struct ListRow(StoredOrder Read, Core.Model.TransportOrder Corrected, OrderStatus Status, int CorrectionCount);
}
