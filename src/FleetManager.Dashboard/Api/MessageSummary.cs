namespace FleetManager.Dashboard.Api;

/// <summary>One ledger message: its headers, what became of it and how many orders it gave.</summary>
/// <param name="Id">The message's ledger id (<c>/api/v1/messages/{id}</c>).</param>
/// <param name="MessageId">The Message-ID header (or the synthetic id the parser gave it).</param>
/// <param name="SourceKey">Where it came from within its mailbox.</param>
/// <param name="Subject">The Subject header.</param>
/// <param name="From">The From header as display text.</param>
/// <param name="Date">The Date header.</param>
/// <param name="ReceivedAt">When the mailbox received it, if known.</param>
/// <param name="ProcessedAt">When it was (last) processed.</param>
/// <param name="Class">order, invoice, other, or quarantined.</param>
/// <param name="QuarantineReason">Why it could not be read; null unless quarantined.</param>
/// <param name="OrderCount">How many orders it gave.</param>
public sealed record MessageSummary(
    long Id,
    string MessageId,
    string SourceKey,
    string? Subject,
    string? From,
    DateTimeOffset? Date,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset ProcessedAt,
    string Class,
    string? QuarantineReason,
    int OrderCount);
