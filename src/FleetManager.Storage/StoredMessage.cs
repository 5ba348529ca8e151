using FleetManager.Core.Pipeline;

namespace FleetManager.Storage;

/// <summary>
/// The message a result was read from, as the order book records it beside the result.
/// </summary>
/// <param name="LedgerKey">Unique key of the message in the ledger (source + provider id, Message-ID or a hash of the bytes); committing a key twice is a no-op.</param>
/// <param name="SourceKey">Where the message came from within its source (a file path, an mbox offset, a Gmail id).</param>
/// <param name="MessageId">The Message-ID header as written, or the synthetic id the parser gave it.</param>
/// <param name="Subject">The Subject header, if any.</param>
/// <param name="From">The From header as display text, if any.</param>
/// <param name="Date">The Date header, if any.</param>
/// <param name="Raw">The message's RFC 822 bytes as received, kept for review.</param>
/// <param name="ProcessedAt">When the caller processed the message (the caller's clock; storage has none).</param>
public sealed record StoredMessage(
    string LedgerKey,
    string SourceKey,
    string MessageId,
    string? Subject,
    string? From,
    DateTimeOffset? Date,
    ReadOnlyMemory<byte> Raw,
    DateTimeOffset ProcessedAt)
{
    /// <summary>When the mailbox received the message (Gmail internal date, IMAP INTERNALDATE, file time), if known.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>What the pipeline's <paramref name="message"/> records: its headers as display text, its bytes, and when it was processed.</summary>
    public static StoredMessage Of(ProcessedMessage message, DateTimeOffset processedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = message.Email;
        return new StoredMessage(
            message.LedgerKey,
            message.Raw.SourceKey,
            message.Result.MessageId,
            email?.Subject,
            email?.From is { } from ? (string.IsNullOrEmpty(from.Name) ? from.Address : $"{from.Name} <{from.Address}>") : null,
            email?.Date,
            message.Raw.Bytes,
            processedAt);
    }
}
