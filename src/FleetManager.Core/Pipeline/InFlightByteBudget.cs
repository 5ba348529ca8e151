namespace FleetManager.Core.Pipeline;

/// <summary>
/// A semaphore counted in bytes: how much raw message data may be between "started reading" and
/// "committed" at once. A message larger than the whole budget still goes, alone, once everything
/// before it is committed (so nothing can wait forever); smaller ones share the budget.
/// </summary>
internal sealed class InFlightByteBudget(long capacity)
{
    private readonly long _capacity = capacity;
    private readonly Lock _lock = new();
    private readonly Queue<(long Bytes, TaskCompletionSource Ready)> _waiting = new();
    private long _available = capacity;

    /// <summary>What a message of <paramref name="bytes"/> takes from the budget (at most all of it).</summary>
    public long Charge(long bytes) => Math.Clamp(bytes, 1, _capacity);

    /// <summary>Waits until <paramref name="charge"/> bytes (from <see cref="Charge"/>) are free and takes them; first come, first served.</summary>
    public Task WaitAsync(long charge, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0 && _available >= charge)
            {
                _available -= charge;
                return Task.CompletedTask;
            }

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((charge, ready));
            return ready.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Gives <paramref name="charge"/> bytes back and lets waiting messages in, in order.</summary>
    public void Release(long charge)
    {
        lock (_lock)
        {
            _available += charge;
            while (_waiting.TryPeek(out var next) && _available >= next.Bytes)
            {
                _waiting.Dequeue();
                _available -= next.Bytes;
                next.Ready.TrySetResult();
            }
        }
    }
}
