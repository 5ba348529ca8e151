using FleetManager.Dashboard.Hosting;

namespace FleetManager.Dashboard.Api;

/// <summary><c>GET /api/v1/stats</c>: what the status page shows, as data.</summary>
/// <param name="Store">sqlite or postgresql.</param>
/// <param name="SchemaVersion">The order book's schema version.</param>
/// <param name="Messages">Messages per class (order, invoice, other, quarantined) and <c>all</c>.</param>
/// <param name="Orders">Orders in the book.</param>
/// <param name="Outbox">Rows waiting per configured sink.</param>
/// <param name="Service">The service's sources, sinks and model use under <c>fleetmanager run</c>; null under <c>serve</c> (no sources).</param>
public sealed record BookStatsDocument(
    string Store,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> Messages,
    long Orders,
    IReadOnlyList<OutboxDepth> Outbox,
    ServiceStatusView? Service);
