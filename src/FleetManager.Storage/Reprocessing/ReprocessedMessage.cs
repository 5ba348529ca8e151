namespace FleetManager.Storage.Reprocessing;

/// <summary>One message as reprocessing left it (for <c>reprocess -v</c>).</summary>
/// <param name="Entry">The ledger row before reprocessing.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="OrderCount">How many orders it has now.</param>
/// <param name="Reason">The quarantine reason today's pipeline gave, if it quarantined the message.</param>
public sealed record ReprocessedMessage(LedgerEntry Entry, ReprocessOutcome Outcome, int OrderCount, string? Reason);
