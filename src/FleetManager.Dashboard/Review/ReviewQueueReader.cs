using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Review;

/// <summary>
/// Reads the review queue from the order book, each section selected in SQL with a limit and a count (never every
/// order in memory): the orders to check are the orders list's "needs review" rows (<see cref="OrderReviewNeed"/> on
/// the corrected order: status new and low confidence or a required field missing, so a correction that fills the
/// field takes the order off the queue, as on the list's filter), the geocoding failures come from the stops table.
/// </summary>
public static class ReviewQueueReader
{
    /// <summary>Rows shown per section.</summary>
    public const int SectionSize = 100;

    /// <summary>Outbox rows shown per sink.</summary>
    public const int OutboxRowsShown = 10;

    /// <summary>
    /// Failed pushes after which an outbox row "keeps failing" and is listed: one failure is an outage the next pass
    /// usually rides out; three in a row is a row (or a sink) a person should look at.
    /// </summary>
    public const int FailingAttempts = 3;

    public static async ValueTask<ReviewQueue> ReadAsync(IOrderStore store, IReadOnlyDictionary<string, string?> sinkErrors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sinkErrors);
        var toCheck = await store.BrowseOrdersAsync(new OrderBrowseQuery { NeedsReview = true, Limit = SectionSize }, cancellationToken).ConfigureAwait(false);
        var orders = toCheck.Rows
            .Select(r => new OrderToCheck(r.Order.Id, r.Order.Order.ReferenceNumber, r.Order.Order.Customer, ReasonsToCheck(r.Order.Order)))
            .ToList();
        var unplacedStops = await store.SelectUnplacedStopsAsync(SectionSize, cancellationToken).ConfigureAwait(false);
        var unplaced = unplacedStops.Stops
            .Select(s => new UnplacedStop(s.OrderId, s.ReferenceNumber, s.StopIndex, s.Type == StopType.Loading ? "loading" : "unloading",
                string.Join(" ", new[] { s.PostalCode, s.City, s.Country }.Where(p => !string.IsNullOrWhiteSpace(p)))))
            .ToList();

        var sinks = new List<SinkBacklog>();
        foreach (var sink in store.OutboxSinks)
        {
            var depth = await store.DepthAsync(sink, cancellationToken).ConfigureAwait(false);
            if (depth > 0)
            {
                var oldest = (await store.PendingAsync(sink, OutboxRowsShown, cancellationToken).ConfigureAwait(false)).Select(e => $"{e.OrderKey} ({e.Change.ToString().ToLowerInvariant()})").ToList();
                sinks.Add(new SinkBacklog(sink, depth, oldest, sinkErrors.GetValueOrDefault(sink)));
            }
        }

        var failing = await store.SelectFailingOutboxAsync(FailingAttempts, SectionSize, cancellationToken).ConfigureAwait(false);
        var quarantined = await store.ListQuarantinedAsync(SectionSize, 0, cancellationToken).ConfigureAwait(false);
        var counts = await store.CountLedgerAsync(cancellationToken).ConfigureAwait(false);
        return new ReviewQueue(quarantined, counts.Quarantined, orders, Clamp(toCheck.Total), unplaced, Clamp(unplacedStops.Total), sinks,
            failing.Rows, failing.Total);
    }

    private static int Clamp(long count) => (int)Math.Min(count, int.MaxValue);

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
