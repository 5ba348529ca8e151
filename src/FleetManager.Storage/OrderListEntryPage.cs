namespace FleetManager.Storage;

/// <summary>
/// One page of <see cref="IOrderStore.ListOrderEntriesAsync"/>: the rows as the orders page shows them, how many orders
/// match in all, and the next page's cursor (null on the last); as <see cref="OrderBrowsePage"/> without the orders.
/// </summary>
public sealed record OrderListEntryPage(IReadOnlyList<OrderListEntry> Rows, long Total, string? NextCursor, bool TotalCapped = false);
