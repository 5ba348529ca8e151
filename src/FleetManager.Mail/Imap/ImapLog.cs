using Microsoft.Extensions.Logging;

namespace FleetManager.Mail.Imap;

/// <summary>The IMAP mailbox's log messages (no passwords, tokens or message bodies).</summary>
internal static partial class ImapLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "IMAP {Mailbox}: connected ({Security}), folder UIDVALIDITY {UidValidity}, {Count} messages")]
    public static partial void Connected(ILogger logger, string mailbox, ImapSecurity security, uint uidValidity, int count);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "IMAP {Mailbox}: UIDVALIDITY changed from {Old} to {New}: the server renumbered the folder; re-reading up to {Limit} recent messages (the ledger drops those already committed)")]
    public static partial void UidValidityChanged(ILogger logger, string mailbox, uint old, uint @new, int limit);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "IMAP {Mailbox}: no cursor yet; reading up to {Limit} recent messages")]
    public static partial void FirstSync(ILogger logger, string mailbox, int limit);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "IMAP {Mailbox}: stored cursor '{Cursor}' is not UIDVALIDITY:UID; resyncing")]
    public static partial void BadCursor(ILogger logger, string mailbox, string cursor);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "IMAP {Mailbox}: {Count} new messages after UID {LastUid}")]
    public static partial void NewMessages(ILogger logger, string mailbox, int count, uint lastUid);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "IMAP {Mailbox}: the server could not deliver UID {Uid}: {Reason}; it will be quarantined")]
    public static partial void Undeliverable(ILogger logger, string mailbox, uint uid, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "IMAP {Mailbox}: connection lost ({Reason}); will reconnect")]
    public static partial void ConnectionLost(ILogger logger, string mailbox, string reason);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "IMAP {Mailbox}: {Count} committed messages belong to UIDVALIDITY {Old}, the folder now has {New}: not acknowledged")]
    public static partial void StaleAcknowledgement(ILogger logger, string mailbox, int count, uint old, uint @new);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "IMAP {Mailbox}: created folder '{Folder}'")]
    public static partial void FolderCreated(ILogger logger, string mailbox, string folder);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "IMAP {Mailbox}: the server does not support IDLE; waiting {Wait} instead")]
    public static partial void NoIdle(ILogger logger, string mailbox, TimeSpan wait);
}
