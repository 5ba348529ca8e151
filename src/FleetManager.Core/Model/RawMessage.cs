namespace FleetManager.Core.Model;

/// <summary>
/// A message as a mail source delivers it: the bytes and where they came from.
/// <see cref="SourceKey"/> is unique and stable within the source (a file path, an mbox path
/// with the message's byte offset, a Gmail id) and is used to dedupe messages without a Message-ID.
/// </summary>
public sealed record RawMessage(string SourceKey, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Set when the source could not even produce the bytes (unreadable file, over the size limit).</summary>
    public string? ReadError { get; init; }

    /// <summary>
    /// For an incremental mailbox (<see cref="FleetManager.Core.Pipeline.IMailbox"/>): the cursor that
    /// may be stored once this message and every message before it are committed (an IMAP
    /// <c>UIDVALIDITY:UID</c>); null when no cursor can be stored after this message alone (Gmail
    /// stores its historyId only after the last page, through <see cref="FleetManager.Core.Pipeline.IMailbox.CursorAfterRead"/>).
    /// </summary>
    public string? Cursor { get; init; }
}
