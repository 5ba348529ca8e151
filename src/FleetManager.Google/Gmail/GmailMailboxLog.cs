using Microsoft.Extensions.Logging;

namespace FleetManager.Google.Gmail;

/// <summary>The mailbox's log lines (ids and counts only: never a subject, an address or a body).</summary>
internal static partial class GmailMailboxLog
{
    [LoggerMessage(1, LogLevel.Information, "Gmail {Mailbox}: full sync of up to {Max} messages since {Since:u}")]
    public static partial void FullSync(ILogger logger, string mailbox, int max, DateTimeOffset since);

    [LoggerMessage(2, LogLevel.Warning, "Gmail {Mailbox}: history id {Cursor} is no longer known to Gmail (404); falling back to a bounded full sync (the ledger drops what was already stored)")]
    public static partial void HistoryExpired(ILogger logger, string mailbox, string cursor);

    [LoggerMessage(3, LogLevel.Information, "Gmail {Mailbox}: {Count} new messages since history id {Cursor}")]
    public static partial void Incremental(ILogger logger, string mailbox, int count, string cursor);

    [LoggerMessage(4, LogLevel.Debug, "Gmail {Mailbox}: message {Id} was deleted since it was listed; skipped")]
    public static partial void MessageGone(ILogger logger, string mailbox, string id);

    [LoggerMessage(5, LogLevel.Warning, "Gmail {Mailbox}: stored cursor '{Cursor}' is not a history id; doing a full sync")]
    public static partial void BadCursor(ILogger logger, string mailbox, string cursor);

    [LoggerMessage(6, LogLevel.Debug, "Gmail {Mailbox}: message {Id} was deleted before it could be labelled")]
    public static partial void ModifyGone(ILogger logger, string mailbox, string id);
}
