using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Map;

/// <summary>
/// The open orders (not delivered or cancelled) as lanes, from the stops' stored coordinates (the geocoder's). One
/// pass over the order book, as the orders list does today.
/// </summary>
public static class MapLaneReader
{
    /// <summary>At most this many lanes are drawn: beyond it a map is a smear, and the answer stays small.</summary>
    public const int MaxLanes = 2000;

    /// <summary>The open orders' lanes.</summary>
    public static MapDocument Open(IOrderStore store, IReadOnlyDictionary<long, OrderReview> statuses)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(statuses);
        var lanes = new List<MapLane>();
        int open = 0, unplaced = 0;
        foreach (var stored in store.QueryOrders(OrderQuery.All))
        {
            var status = statuses.TryGetValue(stored.Id, out var review) ? review.Status : OrderStatus.New;
            if (status is OrderStatus.Delivered or OrderStatus.Cancelled)
            {
                continue;
            }

            open++;
            var lane = LaneOf(stored, status);
            if (lane is null)
            {
                unplaced++;
            }
            else if (lanes.Count < MaxLanes)
            {
                lanes.Add(lane);
            }
        }

        return new MapDocument(lanes, open, unplaced);
    }

    /// <summary>One order's lane, whatever its status (the order's own page); null when none of its stops has coordinates.</summary>
    public static MapLane? LaneOf(StoredOrder stored, OrderStatus status)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var stops = stored.Order.Stops
            .Where(s => s.Latitude is not null && s.Longitude is not null)
            .Select(s => new MapStop(s.Type == StopType.Loading ? "loading" : "unloading",
                string.Join(", ", new[] { s.Company, s.City, s.Country }.Where(p => !string.IsNullOrWhiteSpace(p))), s.Latitude!.Value, s.Longitude!.Value))
            .ToList();
        return stops.Count == 0 ? null : new MapLane(stored.Id, stored.Order.ReferenceNumber, stored.Order.Customer, OrderStatusNames.Of(status), stops);
    }
}
