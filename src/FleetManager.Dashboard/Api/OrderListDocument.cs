namespace FleetManager.Dashboard.Api;

/// <summary>
/// A page of <c>GET /api/v1/orders</c>: its rows, how many orders match the view in all, and the keyset cursor of
/// the next page (pass it back as <c>after</c>; null on the last page). The count stops at 10,000: with
/// <c>totalCapped</c> true, more than <c>total</c> orders match.
/// </summary>
public sealed record OrderListDocument(IReadOnlyList<OrderListItem> Rows, long Total, string? NextCursor, bool TotalCapped);
