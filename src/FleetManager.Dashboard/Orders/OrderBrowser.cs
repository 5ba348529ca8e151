using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Orders;

/// <summary>
/// Search, filters, sort and keyset paging of the orders list, on the corrected orders. It reads the whole
/// order book per request and works in memory: right for the thousands of orders a desk keeps; the SQL form
/// needed for the 100,000-order budget is not written yet (docs/dashboard.md, "Limits").
/// </summary>
public static class OrderBrowser
{
    /// <summary>Every order, corrected, with its status (the base of the list and of its exports).</summary>
    public static List<OrderListRow> Load(IOrderStore store, IOrderCorrections corrections)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corrections);
        var all = corrections.All();
        var statuses = corrections.Statuses();
        var rows = new List<OrderListRow>();
        foreach (var stored in store.QueryOrders(OrderQuery.All))
        {
            all.TryGetValue(stored.Id, out var list);
            var corrected = CorrectedOrders.Apply(stored, list);
            var review = statuses.TryGetValue(stored.Id, out var r) ? r : OrderReview.Untouched(stored.Id);
            rows.Add(new OrderListRow(corrected, review, NeedsReview(corrected.Order, review), list?.Count ?? 0));
        }

        return rows;
    }

    /// <summary>
    /// An order needs review while nobody has reviewed it (status new) and the reader was unsure (low confidence)
    /// or a field a haulier cannot do without is missing: customer, a loading and an unloading place, a loading date.
    /// </summary>
    public static bool NeedsReview(TransportOrder order, OrderReview review)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != OrderStatus.New)
        {
            return false;
        }

        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        return order.Confidence?.Low == true || string.IsNullOrWhiteSpace(order.Customer)
            || string.IsNullOrWhiteSpace(loading?.City) || string.IsNullOrWhiteSpace(unloading?.City) || loading?.Date is null;
    }

    /// <summary>The rows of <paramref name="rows"/> that match <paramref name="query"/>, in its sort order.</summary>
    public static List<OrderListRow> Filter(IEnumerable<OrderListRow> rows, OrderListQuery query)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        var search = query.Search is null ? null : TextFold.Fold(query.Search);
        var matching = rows.Where(row => Matches(row, query, search)).ToList();
        var comparer = Comparer<OrderListRow>.Create((a, b) => Compare(a, b, query.Sort));
        matching.Sort(query.Descending ? Comparer<OrderListRow>.Create((a, b) => comparer.Compare(b, a)) : comparer);
        return matching;
    }

    /// <summary>The page after <see cref="OrderListQuery.After"/> of the sorted <paramref name="matching"/> rows.</summary>
    public static OrderListPage Page(List<OrderListRow> matching, OrderListQuery query, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentNullException.ThrowIfNull(query);
        var start = 0;
        if (query.After is { } after && ParseCursor(after) is { } cursor)
        {
            var (value, id) = cursor;
            // Keyset: the first row that sorts after the cursor's (value, id), found by binary search, so a page
            // stays put when orders arrive before it (an offset would shift).
            var low = 0;
            var high = matching.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                var order = CompareToCursor(matching[mid], query.Sort, value, id);
                if (query.Descending ? order >= 0 : order <= 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            start = low;
        }

        var rows = matching.Skip(start).Take(pageSize).ToList();
        var next = start + pageSize < matching.Count && rows.Count > 0 ? Cursor(rows[^1], query.Sort) : null;
        return new OrderListPage(rows, matching.Count, next);
    }

    /// <summary>The sort key of a row: numbers and dates as text that sorts like them; empty sorts first.</summary>
    public static string SortKey(OrderListRow row, string sort)
    {
        ArgumentNullException.ThrowIfNull(row);
        var order = row.Stored.Order;
        return sort switch
        {
            "reference_number" => TextFold.Fold(order.ReferenceNumber ?? ""),
            "customer" => TextFold.Fold(order.Customer ?? ""),
            "loading_date" => order.Stops.FirstOrDefault(s => s.Type == StopType.Loading)?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            "unloading_date" => order.Stops.LastOrDefault(s => s.Type == StopType.Unloading)?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            "weight_kg" => order.WeightKg is { } w ? ((long)Math.Round(w * 1000m)).ToString("D20", CultureInfo.InvariantCulture) : "",
            _ => "",
        };
    }

    private static bool Matches(OrderListRow row, OrderListQuery query, string? search)
    {
        var order = row.Stored.Order;
        if (query.Statuses.Count > 0 && !query.Statuses.Contains(row.Review.Status))
        {
            return false;
        }

        if (query.RequestType is { } type && order.RequestType != type)
        {
            return false;
        }

        if (query.NeedsReview && !row.NeedsReview)
        {
            return false;
        }

        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        if ((query.From is { } from && !(loading?.Date >= from)) || (query.To is { } to && !(loading?.Date <= to)))
        {
            return false;
        }

        if (query.Countries.Count > 0
            && !query.Countries.Any(c => string.Equals(loading?.Country, c, StringComparison.OrdinalIgnoreCase) || string.Equals(unloading?.Country, c, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (search is null)
        {
            return true;
        }

        bool Has(string? text) => text is not null && TextFold.Fold(text).Contains(search, StringComparison.Ordinal);
        return Has(order.ReferenceNumber) || Has(order.Customer) || Has(order.CargoDescription)
            || order.Stops.Any(s => Has(s.Company) || Has(s.City) || Has(s.Address) || Has(s.PostalCode));
    }

    private static int Compare(OrderListRow a, OrderListRow b, string sort)
    {
        var bySort = string.CompareOrdinal(SortKey(a, sort), SortKey(b, sort));
        return bySort != 0 ? bySort : a.Stored.Id.CompareTo(b.Stored.Id);
    }

    private static int CompareToCursor(OrderListRow row, string sort, string value, long id)
    {
        var bySort = string.CompareOrdinal(SortKey(row, sort), value);
        return bySort != 0 ? bySort : row.Stored.Id.CompareTo(id);
    }

    private static string Cursor(OrderListRow row, string sort) =>
        row.Stored.Id.ToString(CultureInfo.InvariantCulture) + "." + SortKey(row, sort);

    private static (string Value, long Id)? ParseCursor(string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (cursor[(dot + 1)..], id)
            : null;
    }
}
