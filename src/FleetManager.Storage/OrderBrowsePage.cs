namespace FleetManager.Storage;

/// <summary>
/// One page of <see cref="IOrderStore.BrowseOrdersAsync"/>: its rows, how many orders match in all, and the next page's
/// cursor (null on the last). With <paramref name="TotalCapped"/>, more than <paramref name="Total"/> orders match: the
/// count stopped at <see cref="OrderBrowseQuery.CountLimit"/>.
/// </summary>
public sealed record OrderBrowsePage(IReadOnlyList<OrderBrowseRow> Rows, long Total, string? NextCursor, bool TotalCapped = false);
