using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Review;

/// <summary>
/// Reads the review queue from the order book. Orders are judged as read (a correction that fills a field does not
/// take the order off the queue; marking it reviewed does), in one pass over the book, like the orders list today.
/// </summary>
public static class ReviewQueueReader
{
    /// <summary>Rows shown per section.</summary>
    public const int SectionSize = 100;

    /// <summary>Outbox rows shown per sink.</summary>
    public const int OutboxRowsShown = 10;

    public static ReviewQueue Read(IOrderStore store, IReadOnlyDictionary<long, OrderReview> statuses, IReadOnlyDictionary<string, string?> sinkErrors)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(sinkErrors);
        var orders = new List<OrderToCheck>();
        var unplaced = new List<UnplacedStop>();
        int ordersTotal = 0, unplacedTotal = 0;
        foreach (var stored in store.QueryOrders(OrderQuery.All))
        {
            var order = stored.Order;
            var open = !statuses.TryGetValue(stored.Id, out var review) || review.Status == OrderStatus.New;
            if (open && ReasonsToCheck(order) is { Count: > 0 } reasons && ordersTotal++ < SectionSize)
            {
                orders.Add(new OrderToCheck(stored.Id, order.ReferenceNumber, order.Customer, reasons));
            }

            for (var i = 0; i < order.Stops.Count; i++)
            {
                var stop = order.Stops[i];
                // A stop with no city was never sent to the geocoder: it is a missing field (above), not a geocoding failure.
                if (stop.Latitude is null && !string.IsNullOrWhiteSpace(stop.City) && unplacedTotal++ < SectionSize)
                {
                    var place = string.Join(" ", new[] { stop.PostalCode, stop.City, stop.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
                    unplaced.Add(new UnplacedStop(stored.Id, order.ReferenceNumber, i, stop.Type == StopType.Loading ? "loading" : "unloading", place));
                }
            }
        }

        var sinks = new List<SinkBacklog>();
        foreach (var sink in store.OutboxSinks)
        {
            var depth = store.Depth(sink);
            if (depth > 0)
            {
                var oldest = store.Pending(sink, OutboxRowsShown).Select(e => $"{e.OrderKey} ({e.Change.ToString().ToLowerInvariant()})").ToList();
                sinks.Add(new SinkBacklog(sink, depth, oldest, sinkErrors.GetValueOrDefault(sink)));
            }
        }

        return new ReviewQueue(store.ListQuarantined(SectionSize), store.CountLedger().Quarantined, orders, ordersTotal, unplaced, unplacedTotal, sinks);
    }

    /// <summary>
    /// Why an order needs a person, in words: the reader's low confidence (with its reason) and every field a
    /// haulier cannot do without that is missing (customer, a loading and an unloading place, a loading date).
    /// </summary>
    public static IReadOnlyList<string> ReasonsToCheck(TransportOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var reasons = new List<string>();
        if (order.Confidence is { Low: true } confidence)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"low confidence ({confidence.Order:0.00})")
                + (string.IsNullOrWhiteSpace(confidence.Reason) ? "" : ": " + confidence.Reason));
        }

        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        if (string.IsNullOrWhiteSpace(order.Customer))
        {
            reasons.Add("no customer");
        }

        if (string.IsNullOrWhiteSpace(loading?.City))
        {
            reasons.Add("no loading place");
        }

        if (loading?.Date is null)
        {
            reasons.Add("no loading date");
        }

        if (string.IsNullOrWhiteSpace(unloading?.City))
        {
            reasons.Add("no unloading place");
        }

        return reasons;
    }
}
