namespace FleetManager.Storage;

/// <summary>
/// Which ledger rows <see cref="IOrderStore.ListLedger"/> returns, oldest (lowest id) first, a page at a time:
/// pass the last id seen as <see cref="AfterId"/> for the next page.
/// </summary>
public sealed record LedgerQuery
{
    /// <summary>Only rows with this status; null: every status.</summary>
    public LedgerStatus? Status { get; init; }

    /// <summary>Only rows processed (or last reprocessed) at or after this instant.</summary>
    public DateTimeOffset? ProcessedSince { get; init; }

    /// <summary>Only the message with this Message-ID (as stored in the ledger).</summary>
    public string? MessageId { get; init; }

    /// <summary>Only rows with an id greater than this (paging).</summary>
    public long AfterId { get; init; }

    /// <summary>At most this many rows.</summary>
    public int Limit { get; init; } = 500;
}
