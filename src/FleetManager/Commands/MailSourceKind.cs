namespace FleetManager.Commands;

/// <summary>The configured mailboxes <c>import --source</c> reads.</summary>
internal enum MailSourceKind
{
    Gmail,

    Imap,
}
