using FleetManager.Storage;

namespace FleetManager.Dashboard.Orders;

/// <summary>
/// One page of the orders list: its rows, how many orders match in all, and the cursor of the next page (null on the
/// last). With <paramref name="TotalCapped"/>, more than <paramref name="Total"/> orders match (the count stops there).
/// </summary>
public sealed record OrderListPage(IReadOnlyList<OrderListEntry> Rows, int Total, string? NextCursor, bool TotalCapped = false);
