// Why one file of ~450 lines: the list table is kept true by the same three steps everywhere (catch up above the highest
// listed id, derive a row from the order with its corrections and status, write it with the one upsert that two
// instances may race on), and the shown columns of rows written without them are filled by the same catch-up. Split
// apart, the invariant "nothing is written above the listed maximum before the catch-up" would live in several places;
// the row's values themselves are in OrderListRow, reading pages of the table in OrderListPages.
using System.Data.Common;
using System.Globalization;
using System.Text;
using FleetManager.Core.Model;
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
    /// <summary>The rows of orders this instance committed, derived at their commit and waiting for <see cref="Sync"/>.</summary>
    public CommittedListRows Committed { get; } = new();

    // Rows derived per transaction while catching up. The size barely changes the CPU (SQLite's share for 7,858 orders:
    // 1.25 s in one transaction, 1.26 s by 2,000, 1.40 s by 500; docs/benchmarks.md) but bounds the orders held in memory
    // with their JSON (by 2,000 the import's peak RSS grew ~50 MB) and lets another writer of the same file in between.
    private const int SyncBatch = 500;


    private const string FromOrders = "FROM orders o JOIN ledger l ON l.id = o.ledger_id";

    // A list row never shows a field's evidence (the order's page reads the order by itself), so neither the page nor the
    // derivation of rows reads sources_json: a dictionary of spans per order was a sixth of what a page view allocated, and
    // most of what catching up after an import allocated (docs/benchmarks.md).
    internal const string ListedOrderColumns = $"o.id, o.order_index, o.order_json, CAST(NULL AS text), {OrderRows.LedgerColumns}";

    /// <summary>
    /// Adds the rows of orders committed since the last call (ids above the highest listed one), in batches of
    /// <see cref="SyncBatch"/> each written in one transaction; returns how many were derived. An order this instance
    /// committed is listed from the row derived at its commit (<see cref="Committed"/>); only the others are read back.
    /// </summary>
    /// <param name="progress">Told the running total after each batch (the import's progress display).</param>
    /// <param name="cancellationToken">Stops between batches (each batch is one transaction).</param>
    /// <remarks>Then derives the shown columns of rows that have none (<see cref="FillShownAsync"/>).</remarks>
    public async ValueTask<int> SyncAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var derived = await CatchUpNewAsync(progress, cancellationToken).ConfigureAwait(false);
        await FillShownAsync(cancellationToken).ConfigureAwait(false);
        return derived;
    }

    /// <summary>
    /// Derives the <c>shown_*</c> columns of the rows marked <c>shown_version = 0</c> — every row listed before schema
    /// step 11 (so the upgrade of a book fills them on its first catch-up), and every row the previous release writes
    /// while it runs beside this one — in batches of <see cref="SyncBatch"/>, each one transaction. Found through the
    /// partial index <c>order_list_unshown</c>, empty in steady state: one index probe per catch-up.
    /// </summary>
    /// <remarks>
    /// Only the shown columns are updated: the others (what the list filters and sorts by, its search text) were derived by
    /// whichever release wrote the row and are kept current by it, and leaving <c>search_text</c> alone keeps SQLite's
    /// search index out of it (its update trigger is on <c>search_text</c>).
    /// </remarks>
    private async ValueTask FillShownAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>? allCorrections = null;
        var after = 0L;
        while (true)
        {
            var ids = new List<long>(SyncBatch);
            await using (var command = dialect.CreateCommand())
            {
                // The literal 0 (not a parameter) lets both planners use the partial index.
                command.CommandText = $"SELECT order_id FROM order_list WHERE shown_version = 0 AND order_id > {dialect.AddLong(command, after)} ORDER BY order_id LIMIT {dialect.AddInt(command, SyncBatch)}";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }
            }

            if (ids.Count == 0)
            {
                return;
            }

            // Corrections are few: read once for the whole fill, not per order. The status does not change a shown cell.
            allCorrections ??= await corrections.AllAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<OrderListRow>(ids.Count);
            foreach (var read in await ReadOrdersAsync(ids, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(Derive(read, allCorrections.GetValueOrDefault(read.Id), OrderStatus.New));
            }

            await dialect.InTransactionAsync(
                async (write, token) =>
                {
                    foreach (var row in rows)
                    {
                        await UpdateShownAsync(write, row, token).ConfigureAwait(false);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);

            // A marked row whose order is gone (a reprocess in between) is passed over, not read again forever.
            if (ids.Count < SyncBatch)
            {
                return;
            }

            after = ids[^1];
        }
    }

    // One statement text for every row (the parameters are added in the same order), set only when it differs, so the
    // command keeps its prepared statement across the batch.
    private async ValueTask UpdateShownAsync(DbCommand write, OrderListRow row, CancellationToken cancellationToken)
    {
        write.Parameters.Clear();
        var shown = row.Shown;
        var text =
            $"UPDATE order_list SET shown_reference = {dialect.AddText(write, shown.Reference)}, shown_customer = {dialect.AddText(write, shown.Customer)}, " +
            $"shown_loading_city = {dialect.AddText(write, shown.LoadingCity)}, shown_loading_country = {dialect.AddText(write, shown.LoadingCountry)}, " +
            $"shown_unloading_city = {dialect.AddText(write, shown.UnloadingCity)}, shown_unloading_country = {dialect.AddText(write, shown.UnloadingCountry)}, " +
            $"shown_cargo = {dialect.AddText(write, shown.Cargo)}, shown_weight = {dialect.AddText(write, shown.Weight)}, " +
            $"shown_vehicle = {dialect.AddText(write, shown.Vehicle)}, shown_price = {dialect.AddText(write, shown.Price)}, shown_version = 1 " +
            $"WHERE order_id = {dialect.AddLong(write, row.OrderId)}";
        if (!string.Equals(write.CommandText, text, StringComparison.Ordinal))
        {
            write.CommandText = text;
        }

        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The orders of the given ids as the list reads them (no field evidence), by id.
    internal async ValueTask<List<StoredOrder>> ReadOrdersAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE o.id IN ({string.Join(", ", ids.Select(id => dialect.AddLong(command, id)))}) ORDER BY o.id";
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    // The catch-up of new orders proper (see SyncAsync).
    private async ValueTask<int> CatchUpNewAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>? allCorrections = null;
        IReadOnlyDictionary<long, OrderReview>? statuses = null;
        var derived = 0;
        var first = true;
        while (true)
        {
            var after = await MaxListedAsync(cancellationToken).ConfigureAwait(false);
            if (first)
            {
                // Rows kept for orders another instance listed meanwhile (or that a reprocess removed) are never written.
                Committed.ForgetThrough(after);
                first = false;
            }

            // The ids alone first: most are in memory, and only the rest need their JSON read and parsed.
            var ids = new List<long>(SyncBatch);
            await using (var command = dialect.CreateCommand())
            {
                var from = dialect.AddLong(command, after);
                command.CommandText = $"SELECT o.id FROM orders o WHERE o.id > {from} ORDER BY o.id LIMIT {dialect.AddInt(command, SyncBatch)}";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }
            }

            if (ids.Count == 0)
            {
                return derived;
            }

            // Corrections and statuses are few: read once for the whole catch-up, not per order.
            allCorrections ??= await corrections.AllAsync(cancellationToken).ConfigureAwait(false);
            statuses ??= await corrections.StatusesAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<OrderListRow>(ids.Count);
            var missing = false;
            foreach (var id in ids)
            {
                // A kept row was derived as a new, uncorrected order: one corrected or given a status since is read back.
                if (Committed.TryTake(id, out var row) && !allCorrections.ContainsKey(id) && !statuses.ContainsKey(id))
                {
                    rows.Add(row);
                }
                else
                {
                    missing = true;
                }
            }

            if (missing)
            {
                var inMemory = rows.Select(r => r.OrderId).ToHashSet();
                await using var command = dialect.CreateCommand();
                command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE o.id > {dialect.AddLong(command, after)} AND o.id <= {dialect.AddLong(command, ids[^1])} ORDER BY o.id";
                foreach (var read in await ReadAsync(command, cancellationToken).ConfigureAwait(false))
                {
                    if (!inMemory.Contains(read.Id))
                    {
                        rows.Add(Derive(read, allCorrections.GetValueOrDefault(read.Id), statuses.TryGetValue(read.Id, out var r) ? r.Status : OrderStatus.New));
                    }
                }

                rows.Sort((a, b) => a.OrderId.CompareTo(b.OrderId));
            }

            await WriteNewAsync(rows, cancellationToken).ConfigureAwait(false);
            derived += ids.Count;
            progress?.Report(derived);
            if (ids.Count < SyncBatch)
            {
                return derived;
            }
        }
    }

    /// <summary>Derives one order's row again (after a correction or a status change); removes it when the order is gone.</summary>
    public async ValueTask<bool> RefreshAsync(long orderId, CancellationToken cancellationToken)
    {
        var rows = await CatchUpAndDeriveAsync(command => $"o.id = {dialect.AddLong(command, orderId)}", cancellationToken).ConfigureAwait(false);
        return await dialect.InTransactionAsync(
            async (write, token) =>
            {
                write.CommandText = "DELETE FROM order_list WHERE order_id = " + dialect.AddLong(write, orderId);
                await write.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                await InsertAsync(write, rows, UpsertTail.DoUpdate, null, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the rows of one message's orders (after <see cref="IOrderStore.ReplaceAsync"/> gave it new ones).</summary>
    public async ValueTask<bool> RefreshMessageAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        var rows = await CatchUpAndDeriveAsync(command => $"l.ledger_key = {dialect.AddText(command, ledgerKey)}", cancellationToken).ConfigureAwait(false);
        await WriteAsync(rows, clearLedgerKey: ledgerKey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The rows of the orders <paramref name="where"/> selects, derived again with their corrections and status, after
    /// catching up: a row written above the highest listed id would make the catch-up skip the orders below it.
    /// </summary>
    private async ValueTask<List<OrderListRow>> CatchUpAndDeriveAsync(Func<DbCommand, string> where, CancellationToken cancellationToken)
    {
        await SyncAsync(null, cancellationToken).ConfigureAwait(false);
        List<StoredOrder> read;
        await using (var command = dialect.CreateCommand())
        {
            command.CommandText = $"SELECT {ListedOrderColumns} {FromOrders} WHERE {where(command)} ORDER BY o.id";
            read = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        }

        return await DeriveWithTheirCorrectionsAsync(read, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<long> MaxListedAsync(CancellationToken cancellationToken)
    {
        await using var command = dialect.CreateCommand();
        command.CommandText = "SELECT MAX(order_id) FROM order_list";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    private static async ValueTask<List<StoredOrder>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<StoredOrder>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(OrderRows.ReadStoredOrder(reader));
            }
        }

        return list;
    }

    internal async ValueTask<List<OrderListRow>> DeriveWithTheirCorrectionsAsync(List<StoredOrder> read, CancellationToken cancellationToken)
    {
        var rows = new List<OrderListRow>(read.Count);
        foreach (var order in read)
        {
            var its = await corrections.ForAsync(order.Id, cancellationToken).ConfigureAwait(false);
            var review = await corrections.StatusOfAsync(order.Id, cancellationToken).ConfigureAwait(false);
            rows.Add(Derive(order, its, review.Status));
        }

        return rows;
    }

    private static OrderListRow Derive(StoredOrder read, IReadOnlyList<OrderCorrection>? list, OrderStatus status) =>
        OrderListRow.Derive(read.Id, read.Message.LedgerKey, read.OrderIndex, read.Message.SourceKey, CorrectedOrders.Apply(read, list).Order, status, list?.Count ?? 0);

    // New rows only (the catch-up): a row another instance listed meanwhile is left as it is (ON CONFLICT DO NOTHING:
    // derived from the same order, it is the same row), and only the rows this transaction inserted are indexed for search.
    private ValueTask<bool> WriteNewAsync(List<OrderListRow> rows, CancellationToken cancellationToken) =>
        dialect.InTransactionAsync(
            async (write, token) =>
            {
                dialect.BeginListBatch(write);
                var inserted = new List<long>(rows.Count);
                await InsertAsync(write, rows, UpsertTail.DoNothing, inserted, token).ConfigureAwait(false);
                dialect.EndListBatch(write, inserted);
                return true;
            },
            cancellationToken);

    // Written outside any read: SQLite refuses a command on a connection with a pending transaction it is not part of.
    // A re-derived order's row may exist under another message (a reprocess moved it), so each is deleted by id first.
    private ValueTask<bool> WriteAsync(List<OrderListRow> rows, string clearLedgerKey, CancellationToken cancellationToken) =>
        dialect.InTransactionAsync(
            async (write, token) =>
            {
                write.CommandText = "DELETE FROM order_list WHERE ledger_key = " + dialect.AddText(write, clearLedgerKey);
                await write.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    write.Parameters.Clear();
                    write.CommandText = "DELETE FROM order_list WHERE order_id = " + dialect.AddLong(write, row.OrderId);
                    await write.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await InsertAsync(write, rows, UpsertTail.DoUpdate, null, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Writes rows, each inserted or (by <paramref name="tail"/>) replacing or leaving the row of the same order (ON
    /// CONFLICT on both back-ends: two instances catching up at once derive the same rows, and the second must not fail
    /// on the key), <see cref="SqlDialect.ListRowsPerInsert"/> rows per statement.
    /// </summary>
    /// <remarks>
    /// One statement per chunk rather than one per row: a statement executed costs SQLite (and PostgreSQL a round trip)
    /// more than a row inside one. A full chunk's text is the same every time (the parameters are added in the same
    /// order, so they get the same names), and it is set on the command only when it differs: the command keeps its
    /// prepared statement across the chunks of a batch.
    /// </remarks>
    /// <param name="inserted">When given, told the ids of the rows actually inserted (RETURNING: a row listed already is not).</param>
    private async ValueTask InsertAsync(DbCommand write, List<OrderListRow> rows, string tail, List<long>? inserted, CancellationToken cancellationToken)
    {
        var chunk = dialect.ListRowsPerInsert;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var end = Math.Min(rows.Count, start + chunk);
            write.Parameters.Clear();
            var sql = new StringBuilder(
                "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
                "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections, " +
                "shown_reference, shown_customer, shown_loading_city, shown_loading_country, shown_unloading_city, shown_unloading_country, " +
                "shown_cargo, shown_weight, shown_vehicle, shown_price, shown_version) VALUES ", 256 + ((end - start) * 300));
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                sql.Append(i == start ? "(" : ", (").AppendJoin(", ",
                    dialect.AddLong(write, row.OrderId),
                    dialect.AddText(write, row.LedgerKey),
                    dialect.AddInt(write, row.OrderIndex),
                    dialect.AddText(write, row.SourceKey),
                    dialect.AddText(write, row.SearchText),
                    dialect.AddText(write, row.ReferenceSort),
                    dialect.AddText(write, row.CustomerSort),
                    dialect.AddText(write, row.LoadingDate),
                    dialect.AddText(write, row.UnloadingDate),
                    dialect.AddDouble(write, row.WeightSort),
                    dialect.AddText(write, row.LoadingCountry),
                    dialect.AddText(write, row.UnloadingCountry),
                    dialect.AddText(write, row.RequestType),
                    dialect.AddDouble(write, row.Confidence),
                    dialect.AddInt(write, row.Incomplete ? 1 : 0),
                    dialect.AddText(write, OrderStatusNames.Of(row.Status)),
                    dialect.AddInt(write, row.Corrections),
                    dialect.AddText(write, row.Shown.Reference),
                    dialect.AddText(write, row.Shown.Customer),
                    dialect.AddText(write, row.Shown.LoadingCity),
                    dialect.AddText(write, row.Shown.LoadingCountry),
                    dialect.AddText(write, row.Shown.UnloadingCity),
                    dialect.AddText(write, row.Shown.UnloadingCountry),
                    dialect.AddText(write, row.Shown.Cargo),
                    dialect.AddText(write, row.Shown.Weight),
                    dialect.AddText(write, row.Shown.Vehicle),
                    dialect.AddText(write, row.Shown.Price)).Append(", 1)");
            }

            sql.Append(tail);
            if (inserted is not null)
            {
                sql.Append(" RETURNING order_id");
            }

            var text = sql.ToString();
            if (!string.Equals(write.CommandText, text, StringComparison.Ordinal))
            {
                write.CommandText = text;
            }

            if (inserted is null)
            {
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var reader = await write.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    inserted.Add(reader.GetInt64(0));
                }
            }
        }
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
        "confidence = excluded.confidence, incomplete = excluded.incomplete, status = excluded.status, corrections = excluded.corrections, " +
        ShownSet;

    /// <summary>
    /// The SET list of the shown columns from <c>excluded</c> (an upsert's new row). <c>shown_version</c> steps between 1
    /// and 2 instead of being set to 1: every rewrite by this release changes it, so schema step 11's trigger can tell a
    /// rewrite by the previous release (which leaves it alone) and mark that row for the catch-up.
    /// </summary>
    public const string ShownSet =
        "shown_reference = excluded.shown_reference, shown_customer = excluded.shown_customer, shown_loading_city = excluded.shown_loading_city, " +
        "shown_loading_country = excluded.shown_loading_country, shown_unloading_city = excluded.shown_unloading_city, " +
        "shown_unloading_country = excluded.shown_unloading_country, shown_cargo = excluded.shown_cargo, shown_weight = excluded.shown_weight, " +
        "shown_vehicle = excluded.shown_vehicle, shown_price = excluded.shown_price, shown_version = order_list.shown_version % 2 + 1";
    }
}
