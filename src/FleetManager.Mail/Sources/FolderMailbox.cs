using System.Runtime.CompilerServices;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Sources;

/// <summary>
/// A watched local folder as a mailbox: each poll reads every message under it (<c>.eml</c> files,
/// Maildirs, mbox files, as <see cref="MailPathSource"/> does). It keeps no cursor: the ledger
/// recognises what an earlier poll committed and skips it before any work is spent on it. Files are
/// left in place (the folder is the archive); acknowledging changes nothing.
/// </summary>
public sealed class FolderMailbox : IMailbox
{
    private readonly string _path;
    private readonly long _maxMessageBytes;

    /// <param name="name">The source's name (the key of its lease).</param>
    /// <param name="path">The folder to watch.</param>
    /// <param name="maxMessageBytes">Messages larger than this are delivered with a read error.</param>
    public FolderMailbox(string name, string path, long maxMessageBytes = EmailParserOptions.DefaultMaxMessageBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Name = name;
        _path = Path.GetFullPath(path);
        _maxMessageBytes = maxMessageBytes;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>What a folder saves as its cursor: it has no position (the ledger knows which files were read).</summary>
    public const string ScannedMarker = "scanned";

    /// <summary>
    /// <see cref="ScannedMarker"/>, never a position: every poll reads the whole folder and the ledger skips what it
    /// has. Saving it still records in the store when the last whole scan ended (<c>source_cursor.saved_at</c>), which
    /// <c>fleetmanager doctor</c> reads as the source's last successful poll, as it does for Gmail and IMAP.
    /// </summary>
    public string? CursorAfterRead => ScannedMarker;

    /// <inheritdoc />
    /// <exception cref="SourceConfigurationException">The folder does not exist.</exception>
    public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_path))
        {
            throw new SourceConfigurationException($"The mail folder '{_path}' does not exist.", "Create it or fix the source's Folder:Path.");
        }

        var source = new MailPathSource([_path], _maxMessageBytes);
        await foreach (var message in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <inheritdoc />
    public ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
