using FleetManager.Storage;

namespace FleetManager.Dashboard.Status;

/// <summary>What the order book itself says, for the status page (shown under <c>serve</c> too).</summary>
/// <param name="Kind">Sqlite or PostgreSql.</param>
/// <param name="SchemaVersion">The schema version.</param>
/// <param name="Counts">Ledger totals.</param>
/// <param name="Outbox">Rows waiting per configured sink.</param>
public sealed record BookFacts(string Kind, int SchemaVersion, LedgerCounts Counts, IReadOnlyList<(string Sink, long Depth)> Outbox);
