namespace FleetManager.Storage.Reprocessing;

/// <summary>Which stored messages <c>fleetmanager reprocess</c> reads again.</summary>
public sealed record ReprocessSelection
{
    /// <summary>Processed messages too (re-extraction after an engine upgrade); false: quarantined ones only.</summary>
    public bool IncludeProcessed { get; init; }

    /// <summary>Only messages processed (or last reprocessed) at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only the message with this Message-ID, whatever its status.</summary>
    public string? MessageId { get; init; }

    /// <summary>The ledger query of the first page.</summary>
    public LedgerQuery ToQuery() => new()
    {
        Status = IncludeProcessed || MessageId is not null ? null : LedgerStatus.Quarantined,
        ProcessedSince = Since,
        MessageId = MessageId,
        Limit = 200,
    };
}
