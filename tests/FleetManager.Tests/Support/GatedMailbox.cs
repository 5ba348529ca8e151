using System.Runtime.CompilerServices;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Tests.Support;

/// <summary>
/// A test mailbox whose polls wait for the test: each poll awaits the next open of the gate, then
/// delivers the messages it was given (or throws the failure it was given).
/// </summary>
internal sealed class GatedMailbox(string name) : IMailbox
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _polls;

    public string Name { get; } = name;

    public string? CursorAfterRead => null;

    public List<RawMessage> Messages { get; } = [];

    public Exception? Failure { get; set; }

    /// <summary>True: polls run without waiting.</summary>
    public bool AlwaysOpen { get; set; }

    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Completes when a poll is waiting at the gate.</summary>
    public TaskCompletionSource PollWaiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the waiting poll (or the next one) through.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        if (!AlwaysOpen)
        {
            Task wait;
            lock (_gate)
            {
                wait = _open.Task;
            }

            PollWaiting.TrySetResult();
            await wait.WaitAsync(cancellationToken);
            lock (_gate)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                PollWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        foreach (var message in Messages)
        {
            yield return message;
        }
    }

    public ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
