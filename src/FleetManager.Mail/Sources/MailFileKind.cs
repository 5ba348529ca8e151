namespace FleetManager.Mail.Sources;

/// <summary>How a file found by <see cref="MailPathSource"/> is read.</summary>
internal enum MailFileKind
{
    /// <summary>Decide from the first line ("From " means mbox).</summary>
    Detect,

    /// <summary>One RFC 822 message.</summary>
    Message,

    /// <summary>An mbox holding many messages.</summary>
    Mbox,
}
