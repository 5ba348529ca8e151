namespace FleetManager.Geocoding.Nominatim;

/// <summary>
/// Spaces requests at least <c>minInterval</c> apart for the whole process (the policy counts the application,
/// not a thread): callers queue and each takes the next free slot. Written here rather than taken from
/// System.Threading.RateLimiting because those limiters run on the system clock, and this one must run on
/// an injected <see cref="TimeProvider"/> so tests can prove the spacing on a fake clock. The granted slots
/// are recorded (<see cref="Schedule"/>).
/// </summary>
public sealed class NominatimRateLimiter(TimeSpan minInterval, TimeProvider timeProvider) : IDisposable
{
    private const int ScheduleLength = 1024;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<DateTimeOffset> _schedule = new();
    private DateTimeOffset? _last;

    /// <summary>The most recent granted slots (up to 1024), oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Schedule
    {
        get
        {
            lock (_schedule)
            {
                return [.. _schedule];
            }
        }
    }

    /// <summary>Waits for the next slot; the request may be sent as soon as this returns.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } last)
            {
                var wait = last + minInterval - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            var now = timeProvider.GetUtcNow();
            _last = now;
            lock (_schedule)
            {
                if (_schedule.Count == ScheduleLength)
                {
                    _schedule.Dequeue();
                }

                _schedule.Enqueue(now);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
