using System.Runtime.CompilerServices;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Service.Sources;

/// <summary>
/// Wraps a source's mailbox for one poll: stops taking new messages once <paramref name="drain"/> is
/// signalled (a shutdown, a lost lease) while the messages already read are processed and committed,
/// and reports each acknowledged message (log line, metrics). A poll ended early keeps the stored
/// cursor: <see cref="CursorAfterRead"/> is only passed on when the inner read ran to its end.
/// </summary>
internal sealed class DrainableMailbox(IMailbox inner, Action<RawMessage, MailboxOutcome> acknowledged, CancellationToken drain) : IMailbox
{
    private bool _stoppedEarly;
    private int _read;

    public string Name => inner.Name;

    public int Read => Volatile.Read(ref _read);

    public bool StoppedEarly => _stoppedEarly;

    public string? CursorAfterRead => _stoppedEarly ? null : inner.CursorAfterRead;

    public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, drain);
        var enumerator = inner.ReadNewAsync(cursor, linked.Token).GetAsyncEnumerator(linked.Token);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                if (drain.IsCancellationRequested)
                {
                    _stoppedEarly = true;
                    yield break;
                }

                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (drain.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // A stop, not a failure: what was read so far is still committed.
                    _stoppedEarly = true;
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                Interlocked.Increment(ref _read);
                yield return enumerator.Current;
            }
        }
    }

    public async ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken)
    {
        await inner.AcknowledgeAsync(message, outcome, cancellationToken).ConfigureAwait(false);
        acknowledged(message, outcome);
    }

    public async ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        await inner.AcknowledgeBatchAsync(committed, cancellationToken).ConfigureAwait(false);
        foreach (var message in committed)
        {
            acknowledged(message.Raw, message.Outcome);
        }
    }

    public ValueTask FlushAcknowledgementsAsync(CancellationToken cancellationToken) => inner.FlushAcknowledgementsAsync(cancellationToken);
}
