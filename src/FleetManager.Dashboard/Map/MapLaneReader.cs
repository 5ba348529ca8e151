using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Map;

/// <summary>
/// The open orders (not delivered or cancelled) as lanes, from the stops' stored coordinates (the geocoder's), selected
/// in SQL with a limit and counts (<see cref="IOrderStore.SelectOpenLanesAsync"/>), never by reading every order.
/// </summary>
public static class MapLaneReader
{
    /// <summary>At most this many lanes are drawn: beyond it a map is a smear, and the answer stays small.</summary>
    public const int MaxLanes = 2000;

    /// <summary>The open orders' lanes.</summary>
    public static async ValueTask<MapDocument> OpenAsync(IOrderStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var selection = await store.SelectOpenLanesAsync(MaxLanes, cancellationToken).ConfigureAwait(false);
        var lanes = selection.Lanes
            .Select(l => new MapLane(l.OrderId, l.ReferenceNumber, l.Customer, OrderStatusNames.Of(l.Status), [.. l.Stops.Select(MapStopOf)]))
            .ToList();
        return new MapDocument(lanes, (int)Math.Min(selection.Open, int.MaxValue), (int)Math.Min(selection.Unplaced, int.MaxValue));
    }

    /// <summary>One order's lane, whatever its status (the order's own page); null when none of its stops has coordinates.</summary>
    public static MapLane? LaneOf(StoredOrder stored, OrderStatus status)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var stops = stored.Order.Stops
            .Where(s => s.Latitude is not null && s.Longitude is not null)
            .Select(MapStopOf)
            .ToList();
        return stops.Count == 0 ? null : new MapLane(stored.Id, stored.Order.ReferenceNumber, stored.Order.Customer, OrderStatusNames.Of(status), stops);
    }

    private static MapStop MapStopOf(Stop stop) => new(stop.Type == StopType.Loading ? "loading" : "unloading",
        string.Join(", ", new[] { stop.Company, stop.City, stop.Country }.Where(p => !string.IsNullOrWhiteSpace(p))), stop.Latitude!.Value, stop.Longitude!.Value);
}
