using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Orders;

/// <summary>
/// The orders list over the order book: the page's view (<see cref="OrderListQuery"/>) answered in SQL by
/// <see cref="IOrderStore.BrowseOrdersAsync"/> (search, filters, sort, keyset page and count on the corrected orders), so
/// a page view reads one page of orders whatever the size of the book.
/// </summary>
public static class OrderBrowser
{
    /// <summary>
    /// The page of the view after its cursor as the orders page shows it, with the number of matching orders (counted up
    /// to <see cref="OrderBrowseQuery.DefaultCountLimit"/>): read from the list's own columns, no order parsed.
    /// </summary>
    public static async ValueTask<OrderListPage> PageAsync(IOrderStore store, OrderListQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var page = await store.ListOrderEntriesAsync(ToStoreQuery(query) with { Limit = pageSize }, cancellationToken).ConfigureAwait(false);
        return new OrderListPage(page.Rows, checked((int)page.Total), page.NextCursor, page.TotalCapped);
    }

    /// <summary>The same page with each order whole, corrections applied: what <c>/api/v1/orders</c> returns.</summary>
    public static ValueTask<OrderBrowsePage> OrdersPageAsync(IOrderStore store, OrderListQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        return store.BrowseOrdersAsync(ToStoreQuery(query) with { Limit = pageSize }, cancellationToken);
    }

    /// <summary>Every order of the view (no page), corrected, in its sort order: what "Export this view" writes.</summary>
    public static async ValueTask<List<StoredOrder>> AllAsync(IOrderStore store, OrderListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var all = await store.BrowseOrdersAsync(ToStoreQuery(query) with { After = null, Limit = null }, cancellationToken).ConfigureAwait(false);
        return [.. all.Rows.Select(r => r.Order)];
    }

    /// <summary>The store's form of the page's view.</summary>
    public static OrderBrowseQuery ToStoreQuery(OrderListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new OrderBrowseQuery
        {
            Search = query.Search,
            Statuses = query.Statuses,
            RequestType = query.RequestType,
            LoadingFrom = query.From,
            LoadingTo = query.To,
            Countries = query.Countries,
            LaneFrom = query.LaneFrom,
            LaneTo = query.LaneTo,
            Source = query.Source,
            NeedsReview = query.NeedsReview,
            ConfidenceBelow = query.ConfidenceBelow,
            Sort = query.Sort,
            Descending = query.Descending,
            After = query.After,
        };
    }

    /// <summary>Whether an order needs a person's check (<see cref="OrderReviewNeed"/>: the one rule the list filters by in SQL).</summary>
    public static bool NeedsReview(TransportOrder order, OrderReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return OrderReviewNeed.Of(order, review.Status);
    }
}
