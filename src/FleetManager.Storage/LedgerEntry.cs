using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>One message's ledger row: its metadata and what became of it.</summary>
/// <param name="Id">Row id of the message in the ledger.</param>
/// <param name="LedgerKey">The message's unique ledger key.</param>
/// <param name="SourceKey">Where the message came from within its source.</param>
/// <param name="MessageId">The Message-ID (or synthetic id).</param>
/// <param name="Subject">The Subject header, if any.</param>
/// <param name="From">The From header, if any.</param>
/// <param name="Date">The Date header, if any.</param>
/// <param name="ReceivedAt">When the mailbox received it, if known.</param>
/// <param name="ProcessedAt">When it was processed.</param>
/// <param name="Status">Processed or quarantined.</param>
/// <param name="Classification">The classification; null for a quarantined message.</param>
/// <param name="Error">The quarantine reason; null for a processed message.</param>
/// <param name="OrderCount">How many orders the message gave.</param>
public sealed record LedgerEntry(
    long Id,
    string LedgerKey,
    string SourceKey,
    string MessageId,
    string? Subject,
    string? From,
    DateTimeOffset? Date,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset ProcessedAt,
    LedgerStatus Status,
    Classification? Classification,
    string? Error,
    int OrderCount);
