namespace FleetManager.Google.Sheets;

/// <summary>What one push did.</summary>
/// <param name="Appended">Rows written to the sheet by this push.</param>
/// <param name="AlreadyPresent">Outbox entries whose key was already in the sheet (an earlier ambiguous write had landed): marked delivered, not written again.</param>
/// <param name="Requests">Sheets API calls made (reads and writes, retries excluded).</param>
public sealed record SheetsPushResult(int Appended, int AlreadyPresent, int Requests)
{
    /// <summary>Rows overwritten in place for orders that <c>fleetmanager reprocess</c> changed.</summary>
    public int Updated { get; init; }

    /// <summary>Rows cleared for orders that <c>fleetmanager reprocess</c> removed.</summary>
    public int Removed { get; init; }

    /// <summary>Outbox entries now delivered.</summary>
    public int Delivered => Appended + AlreadyPresent + Updated + Removed;
}
