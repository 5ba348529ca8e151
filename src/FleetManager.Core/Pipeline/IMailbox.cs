using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// A mailbox read incrementally (Gmail, IMAP, a watched folder): each poll reads what arrived since
/// the stored cursor. The poller (<see cref="MailboxPoller"/>) stores cursors only after the messages
/// before them are committed and acknowledges each message (label, flag, move) only after its commit,
/// so a crash at any moment loses nothing and the ledger drops what is read twice.
/// </summary>
public interface IMailbox
{
    /// <summary>The source's stable name: the key of its cursor and lease (for example <c>gmail:me</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Reads the messages that arrived after <paramref name="cursor"/> (null: first run, a bounded full
    /// sync), oldest first. A message may carry <see cref="RawMessage.Cursor"/>.
    /// </summary>
    IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="ReadNewAsync"/> has been enumerated to its end: the cursor to store once every
    /// message it yielded is committed (null: keep the last stored one).
    /// </summary>
    string? CursorAfterRead { get; }

    /// <summary>Called once a message's ledger row is committed (or was found already committed): label, flag or move it.</summary>
    ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Called once a batch is committed, with its messages in read order: acknowledges them all. A
    /// mailbox that can act on many messages in one request (one IMAP STORE or MOVE) overrides this;
    /// the default acknowledges them one by one.
    /// </summary>
    async ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        foreach (var message in committed)
        {
            await AcknowledgeAsync(message.Raw, message.Outcome, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Called at the end of a poll, before its final cursor is stored: a mailbox that gathers acknowledgements
    /// to send them in fewer requests (Gmail's <c>messages.batchModify</c>) sends what it holds. A mailbox may only
    /// hold acknowledgements back this way when its messages carry no cursor of their own, so a crash before the
    /// flush leaves the stored cursor before them and the next poll acknowledges them again. The default does nothing.
    /// </summary>
    ValueTask FlushAcknowledgementsAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
