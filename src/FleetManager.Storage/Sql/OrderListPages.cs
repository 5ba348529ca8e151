using System.Data.Common;
using System.Globalization;
using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// Pages of the <c>order_list</c> table as the orders list and its API ask for them: the view's count (capped), its rows
/// in the view's order by keyset, and the cursor of the next page. Each page first lets <see cref="OrderListIndex"/> catch
/// up with orders committed since, so a page never misses an order its count includes.
/// </summary>
internal sealed class OrderListPages(SqlDialect dialect, OrderListIndex index, OrderCorrectionQueries corrections)
{
    // Matches from which a search is probed per row in sort order (on a book where this many match, a page of 50 is
    // found within a few thousand rows) rather than collected from the search index and sorted.
    private const int CommonSearchMatches = 1000;

    /// <summary>The page the query asks for, the total matching and the next cursor; catches up with new orders first.</summary>
    public async ValueTask<OrderBrowsePage> BrowseAsync(OrderBrowseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (total, capped, probeSearch) = await PrepareAsync(query, cancellationToken).ConfigureAwait(false);
        var sortColumn = OrderFilterSql.BrowseSortColumn(query.Sort);
        var rows = new List<OrderBrowseRow>();
        string? lastSortValue = null;
        var more = false;
        await using (var command = dialect.CreateCommand())
        {
            command.CommandText = PageStatement(
                command, query, probeSearch, $"{OrderListIndex.ListedOrderColumns}, x.status, x.incomplete, x.corrections, {sortColumn}", " JOIN orders o ON o.id = x.order_id JOIN ledger l ON l.id = o.ledger_id");
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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
                    lastSortValue = SortValue(reader, sortColumn, 20);
                }
            }
        }

        // Corrections are few: only the corrected rows of the page read theirs.
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].CorrectionCount > 0)
            {
                var its = await corrections.ForAsync(rows[i].Order.Id, cancellationToken).ConfigureAwait(false);
                rows[i] = rows[i] with { Order = CorrectedOrders.Apply(rows[i].Order, its) };
            }
        }

        var next = more ? rows[^1].Order.Id.ToString(CultureInfo.InvariantCulture) + "." + lastSortValue : null;
        return new OrderBrowsePage(rows, total, next, capped);
    }

    /// <summary>
    /// The same page as <see cref="BrowseAsync"/> as the orders page shows it, read from <c>order_list</c>'s own columns
    /// (schema step 11): no order is read or parsed, which was most of what a page view allocated (docs/benchmarks.md).
    /// </summary>
    public async ValueTask<OrderListEntryPage> EntriesAsync(OrderBrowseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (total, capped, probeSearch) = await PrepareAsync(query, cancellationToken).ConfigureAwait(false);
        var sortColumn = OrderFilterSql.BrowseSortColumn(query.Sort);
        var rows = new List<OrderListEntry>(Math.Min(query.Limit ?? 64, 1024));
        List<int>? unshown = null;
        string? lastSortValue = null;
        var more = false;
        await using (var command = dialect.CreateCommand())
        {
            command.CommandText = PageStatement(
                command,
                query,
                probeSearch,
                "x.order_id, y.shown_reference, y.request_type, y.shown_customer, y.shown_loading_city, y.shown_loading_country, y.loading_date, " +
                "y.shown_unloading_city, y.shown_unloading_country, y.unloading_date, y.shown_cargo, y.shown_weight, y.shown_vehicle, y.shown_price, " +
                $"y.confidence, x.status, x.incomplete, x.corrections, y.shown_version, {sortColumn}",
                " JOIN order_list y ON y.order_id = x.order_id");
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (query.Limit is { } pageSize && rows.Count == pageSize)
                    {
                        more = true;
                        break;
                    }

                    _ = OrderStatusNames.TryParse(reader.GetString(15), out var status); // a name this release does not know reads as New
                    rows.Add(new OrderListEntry(
                        reader.GetInt64(0),
                        TextOrNull(reader, 1),
                        TextOrNull(reader, 2),
                        TextOrNull(reader, 3),
                        TextOrNull(reader, 4),
                        TextOrNull(reader, 5),
                        DateOrNull(reader, 6),
                        TextOrNull(reader, 7),
                        TextOrNull(reader, 8),
                        DateOrNull(reader, 9),
                        TextOrNull(reader, 10),
                        TextOrNull(reader, 11),
                        TextOrNull(reader, 12),
                        TextOrNull(reader, 13),
                        reader.IsDBNull(14) ? null : reader.GetDouble(14),
                        status,
                        reader.GetInt32(16) != 0 && status == OrderStatus.New,
                        reader.GetInt32(17)));
                    if (reader.GetInt32(18) == 0)
                    {
                        (unshown ??= []).Add(rows.Count - 1);
                    }

                    lastSortValue = SortValue(reader, sortColumn, 19);
                }
            }
        }

        if (unshown is not null)
        {
            await ShowFromOrdersAsync(rows, unshown, cancellationToken).ConfigureAwait(false);
        }

        var next = more ? rows[^1].Id.ToString(CultureInfo.InvariantCulture) + "." + lastSortValue : null;
        return new OrderListEntryPage(rows, total, next, capped);
    }

    // A row written since the catch-up by the previous release (which knows no shown column) is shown from its order, as
    // this release derives it; the next catch-up writes its columns.
    private async ValueTask ShowFromOrdersAsync(List<OrderListEntry> rows, List<int> unshown, CancellationToken cancellationToken)
    {
        var read = await index.ReadOrdersAsync([.. unshown.Select(i => rows[i].Id)], cancellationToken).ConfigureAwait(false);
        var derived = (await index.DeriveWithTheirCorrectionsAsync(read, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.OrderId);
        foreach (var i in unshown)
        {
            if (derived.TryGetValue(rows[i].Id, out var row))
            {
                var shown = row.Shown;
                rows[i] = rows[i] with
                {
                    ReferenceNumber = shown.Reference,
                    RequestType = row.RequestType,
                    Customer = shown.Customer,
                    LoadingCity = shown.LoadingCity,
                    LoadingCountry = shown.LoadingCountry,
                    LoadingDate = row.LoadingDate.Length == 0 ? null : row.LoadingDate,
                    UnloadingCity = shown.UnloadingCity,
                    UnloadingCountry = shown.UnloadingCountry,
                    UnloadingDate = row.UnloadingDate.Length == 0 ? null : row.UnloadingDate,
                    CargoDescription = shown.Cargo,
                    WeightKg = shown.Weight,
                    VehicleType = shown.Vehicle,
                    Price = shown.Price,
                    Confidence = row.Confidence,
                };
            }
        }
    }

    private static string? TextOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // Missing dates are '' in the list (so that keyset paging compares plain values); the page shows nothing.
    private static string? DateOrNull(DbDataReader reader, int ordinal)
    {
        var date = reader.GetString(ordinal);
        return date.Length == 0 ? null : date;
    }

    private static string SortValue(DbDataReader reader, string sortColumn, int ordinal) =>
        sortColumn == "x.weight_sort"
            ? reader.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture)
            : sortColumn == "x.order_id" ? "" : reader.GetString(ordinal);

    // What a page needs before its rows: the catch-up, the count, and whether the search is probed per row.
    private async ValueTask<(long Total, bool Capped, bool ProbeSearch)> PrepareAsync(OrderBrowseQuery query, CancellationToken cancellationToken)
    {
        await index.SyncAsync(null, cancellationToken).ConfigureAwait(false);
        var (total, capped) = await CountAsync(query, cancellationToken).ConfigureAwait(false);

        // A term that many orders match is tested per row while the sorted index is walked, so the page stops after its
        // rows; a rarer one goes through the search index's match set, small enough to collect and sort.
        var probeSearch = !string.IsNullOrWhiteSpace(query.Search) && (capped || total >= CommonSearchMatches);
        return (total, capped, probeSearch);
    }

    /// <summary>
    /// The page's statement: <paramref name="columns"/> of the page's rows (alias <c>x</c>: order id, status, incomplete,
    /// corrections and the sort column) joined by <paramref name="join"/>, in the view's order.
    /// </summary>
    private string PageStatement(DbCommand command, OrderBrowseQuery query, bool probeSearch, string columns, string join)
    {
        var sortColumn = OrderFilterSql.BrowseSortColumn(query.Sort);
        var direction = query.Descending ? " DESC" : "";
        var order = new StringBuilder(" ORDER BY ").Append(sortColumn).Append(direction);
        if (sortColumn != "x.order_id")
        {
            order.Append(", x.order_id").Append(direction);
        }

        // The page is chosen in order_list alone and only its rows are joined: joined first, a sort over many matches (a
        // filter sorted by date) read every match's joined row before keeping 51 of them.
        var sql = new StringBuilder($"SELECT {columns} FROM (")
            .Append("SELECT x.order_id, x.status, x.incomplete, x.corrections").Append(sortColumn == "x.order_id" ? "" : ", " + sortColumn)
            .Append(" FROM order_list x")
            .Append(OrderFilterSql.BrowseWhere(dialect, command, query, withCursor: true, probeSearch))
            .Append(order);
        if (query.Limit is { } limit)
        {
            // One row more than the page tells whether there is a next one.
            sql.Append(" LIMIT ").Append(dialect.AddInt(command, limit + 1));
        }

        return sql.Append(") x").Append(join).Append(order).ToString();
    }

    /// <summary>
    /// How many orders the view matches, counted up to <see cref="OrderBrowseQuery.CountLimit"/>: a count stops there
    /// (capped) instead of reading every match of a broad search or filter on each page view.
    /// </summary>
    private async ValueTask<(long Total, bool Capped)> CountAsync(OrderBrowseQuery query, CancellationToken cancellationToken)
    {
        await using var count = dialect.CreateCommand();

        // A search and nothing else is counted in the search index alone where the back-end has one (SQLite's FTS5).
        var rows = !string.IsNullOrWhiteSpace(query.Search) && !HasConditionsBesidesSearch(query)
            ? dialect.SearchIndexRows(count, TextFold.Fold(query.Search.Trim()))
            : null;
        rows ??= "SELECT 1 FROM order_list x" + OrderFilterSql.BrowseWhere(dialect, count, query, withCursor: false);
        if (query.CountLimit is not { } limit)
        {
            count.CommandText = $"SELECT COUNT(*) FROM ({rows}) c";
            return (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture), false);
        }

        // One row beyond the limit tells that more match.
        count.CommandText = $"SELECT COUNT(*) FROM ({rows} LIMIT {dialect.AddInt(count, limit + 1)}) c";
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return total > limit ? (limit, true) : (total, false);
    }

    private bool HasConditionsBesidesSearch(OrderBrowseQuery query)
    {
        // Written on a command of its own: its parameters must not stay on the count's (PostgreSQL's are positional).
        using var scratch = dialect.CreateCommand();
        return OrderFilterSql.BrowseWhere(dialect, scratch, query with { Search = null }, withCursor: false).Length > 0;
    }
}
