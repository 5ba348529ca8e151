using System.Diagnostics.CodeAnalysis;
using FleetManager.Storage;

namespace FleetManager.Dashboard.Review;

/// <summary>Everything that waits for a person: quarantined messages, orders to check, stops off the map, sinks behind.</summary>
/// <param name="Quarantined">Quarantined messages with their reasons, oldest first (at most a page).</param>
/// <param name="QuarantinedTotal">All quarantined messages.</param>
/// <param name="Orders">New orders with missing required fields or low confidence (at most a page).</param>
/// <param name="OrdersTotal">All such orders.</param>
/// <param name="Unplaced">Stops without coordinates (at most a page).</param>
/// <param name="UnplacedTotal">All such stops.</param>
/// <param name="Sinks">Sinks with undelivered rows.</param>
/// <param name="FailingRows">Undelivered outbox rows whose pushes failed <see cref="ReviewQueueReader.FailingAttempts"/> times or more (at most a page).</param>
/// <param name="FailingTotal">All such rows.</param>
[SuppressMessage("Naming", "CA1711", Justification = "The review queue is the dispatchers' name for this page's contents; it is not a Queue<T>.")]
public sealed record ReviewQueue(
    IReadOnlyList<LedgerEntry> Quarantined,
    long QuarantinedTotal,
    IReadOnlyList<OrderToCheck> Orders,
    int OrdersTotal,
    IReadOnlyList<UnplacedStop> Unplaced,
    int UnplacedTotal,
    IReadOnlyList<SinkBacklog> Sinks,
    IReadOnlyList<FailingOutboxRow> FailingRows,
    long FailingTotal);
