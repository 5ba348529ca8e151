using System.Runtime.CompilerServices;
using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// One poll of an incremental mailbox: read what arrived since the stored cursor, process and commit
/// it (<see cref="ImportRunner"/>), and only then acknowledge the committed batch and advance the cursor.
/// A crash at any moment leaves the cursor at or before the last commit: the next poll re-reads at
/// most a few messages, which the ledger recognises (nothing lost, nothing twice). When the reader
/// becomes unavailable (<see cref="ImportSummary.StoppedBy"/>), the cursor stays after the last committed
/// batch and the caller reports the pause.
/// </summary>
public sealed class MailboxPoller(MessageProcessor processor, IOrderBook orderBook, ICursorStore cursors, TimeProvider timeProvider)
{
    /// <summary>At most this many messages share one transaction (and wait for their acknowledgement).</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>
    /// Messages being read at once (<see cref="ImportRunner.MaxInFlight"/>): a model reader's
    /// <c>MaxConcurrentMessages</c>, so its rate limit is not spent on messages waiting in line.
    /// </summary>
    public int MaxInFlight { get; init; } = ImportRunner.DefaultMaxInFlight;

    public async Task<ImportSummary> PollAsync(IMailbox mailbox, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var cursor = await cursors.GetCursorAsync(mailbox.Name, cancellationToken).ConfigureAwait(false);
        var runner = new ImportRunner(processor, orderBook, timeProvider)
        {
            MaxBatch = MaxBatch,
            MaxInFlight = MaxInFlight,
            AfterCommit = (committed, ct) => AcknowledgeAsync(mailbox, committed, ct),
        };

        var summary = await runner.RunAsync(new MailboxReader(mailbox, cursor), progress, cancellationToken).ConfigureAwait(false);
        // Acknowledgements the mailbox gathered (every one after its commit) go out before the cursor passes them.
        await mailbox.FlushAcknowledgementsAsync(cancellationToken).ConfigureAwait(false);
        // After a stop (the reader became unavailable) messages the mailbox yielded are not committed,
        // even when it had read to its end meanwhile: its end cursor would skip them for good.
        if (summary.StoppedBy is null && mailbox.CursorAfterRead is { } after)
        {
            // Not cancelled by a stop arriving now: the cursor records work already committed and acknowledged.
            await cursors.SaveCursorAsync(mailbox.Name, after, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }

        return summary;
    }

    private async ValueTask AcknowledgeAsync(IMailbox mailbox, IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        // The whole batch at once: an IMAP mailbox flags or moves it with one command per outcome.
        await mailbox.AcknowledgeBatchAsync(committed, cancellationToken).ConfigureAwait(false);
        var lastCursor = committed.LastOrDefault(m => m.Raw.Cursor is not null)?.Raw.Cursor;

        // Messages arrive in order and the whole batch is committed, so the last cursor in it is safe.
        if (lastCursor is not null)
        {
            // As the commit before it, finished rather than abandoned when a stop arrives: the batch is committed.
            await cursors.SaveCursorAsync(mailbox.Name, lastCursor, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Presents one poll of a mailbox as an <see cref="IMailSource"/> for the import runner.</summary>
    private sealed class MailboxReader(IMailbox mailbox, string? cursor) : IMailSource
    {
        public string Name => mailbox.Name;

        public async IAsyncEnumerable<RawMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var message in mailbox.ReadNewAsync(cursor, cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }
}
