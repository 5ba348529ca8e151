using FleetManager.Storage;
using FleetManager.Dashboard.Review;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// <c>GET /api/v1/queue</c>: everything that waits for a person, as the review page shows it (each list at most
/// <see cref="ReviewQueueReader.SectionSize"/> long, with its total).
/// </summary>
/// <param name="Quarantined">Quarantined messages with their reasons, oldest first.</param>
/// <param name="QuarantinedTotal">All quarantined messages.</param>
/// <param name="OrdersToCheck">New orders with a required field missing or read with low confidence, with what to check.</param>
/// <param name="OrdersToCheckTotal">All such orders.</param>
/// <param name="UnplacedStops">Stops the geocoder could not place.</param>
/// <param name="UnplacedStopsTotal">All such stops.</param>
/// <param name="SinkBacklog">Sinks with rows waiting in the outbox.</param>
/// <param name="FailingSinkRows">Outbox rows whose pushes failed <see cref="ReviewQueueReader.FailingAttempts"/> times or more, most attempts first.</param>
/// <param name="FailingSinkRowsTotal">All such rows.</param>
public sealed record ReviewQueueDocument(
    IReadOnlyList<MessageSummary> Quarantined,
    long QuarantinedTotal,
    IReadOnlyList<OrderToCheck> OrdersToCheck,
    int OrdersToCheckTotal,
    IReadOnlyList<UnplacedStop> UnplacedStops,
    int UnplacedStopsTotal,
    IReadOnlyList<SinkBacklog> SinkBacklog,
    IReadOnlyList<FailingOutboxRow> FailingSinkRows,
    long FailingSinkRowsTotal);
