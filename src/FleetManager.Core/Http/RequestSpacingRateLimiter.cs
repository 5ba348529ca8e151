using System.Threading.RateLimiting;

namespace FleetManager.Core.Http;

/// <summary>
/// A client-side request limit as a <see cref="RateLimiter"/>: request starts are spaced at least
/// <see cref="Spacing"/> apart, each caller reserving the next free start time and waiting for it on the
/// <see cref="TimeProvider"/>. The model readers use it as "at most N requests per minute" (spacing
/// 60 s / N), Nominatim as its usage policy's "at most one request per second" (spacing 1 s).
/// <para>
/// Written on the <see cref="RateLimiter"/> abstraction rather than taken from the library's own limiters
/// (TokenBucket, FixedWindow...) because those replenish on the system stopwatch and their own timer, while
/// this one must run on the injected <see cref="TimeProvider"/>, so tests prove the spacing on a fake clock
/// and never sleep. Every attempt takes a permit, retries included, since the services count them all. A
/// cancelled waiter's slot stays spent, which errs on the safe side.
/// </para>
/// </summary>
public sealed class RequestSpacingRateLimiter : RateLimiter
{
    private const int RecordLength = 1024;

    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _granted = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private long _grantedCount;
    private long _failedCount;
    private int _waiting;

    /// <param name="spacing">The least time between two request starts (positive).</param>
    /// <param name="timeProvider">The clock the spacing is measured and waited on.</param>
    public RequestSpacingRateLimiter(TimeSpan spacing, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spacing, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Spacing = spacing;
        _timeProvider = timeProvider;
    }

    /// <summary>A limiter for at most <paramref name="requestsPerMinute"/> request starts in any minute.</summary>
    public static RequestSpacingRateLimiter PerMinute(int requestsPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        return new RequestSpacingRateLimiter(TimeSpan.FromMinutes(1) / requestsPerMinute, timeProvider);
    }

    /// <summary>The least time between two request starts.</summary>
    public TimeSpan Spacing { get; }

    /// <summary>
    /// A granted lease's metadata: the start time the limiter gave it (its slot). Slots are what the limiter
    /// promises to keep <see cref="Spacing"/> apart; the caller may run a moment after its slot.
    /// </summary>
    public static MetadataName<DateTimeOffset> SlotMetadata { get; } = MetadataName.Create<DateTimeOffset>("FLEETMANAGER_SLOT");

    /// <summary>
    /// The clock times at which the most recent permits (up to 1024) were granted, oldest first: the record a
    /// test checks the spacing on.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Granted
    {
        get
        {
            lock (_lock)
            {
                return [.. _granted];
            }
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = _timeProvider.GetUtcNow();
                return _waiting == 0 && now >= _nextStart ? now - _nextStart : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _timeProvider.GetUtcNow() >= _nextStart ? 1 : 0,
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _grantedCount,
                TotalFailedLeases = _failedCount,
            };
        }
    }

    /// <summary>Reserves the next start time at or after now (the schedule, apart from the waiting).</summary>
    internal DateTimeOffset Reserve()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var start = now > _nextStart ? now : _nextStart;
            _nextStart = start + Spacing;
            return start;
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (now >= _nextStart)
            {
                _nextStart = now + Spacing;
                Record(now);
                return Lease.GrantedAt(now);
            }

            _failedCount++;
            return new Lease(false, _nextStart - now);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        var start = Reserve();
        Interlocked.Increment(ref _waiting);
        try
        {
            // A loop, not one delay: a timer may fire a moment early, and the spacing is a promise to the service.
            for (var wait = start - _timeProvider.GetUtcNow(); wait > TimeSpan.Zero; wait = start - _timeProvider.GetUtcNow())
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        lock (_lock)
        {
            Record(_timeProvider.GetUtcNow());
        }

        return Lease.GrantedAt(start);
    }

    /// <summary>Counts and records a granted permit; the caller holds the lock.</summary>
    private void Record(DateTimeOffset grantedAt)
    {
        _grantedCount++;
        if (_granted.Count == RecordLength)
        {
            _granted.Dequeue();
        }

        _granted.Enqueue(grantedAt);
    }

    /// <summary>A permit (nothing to give back: a start time, once used, is spent).</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter, DateTimeOffset? slot = null) : RateLimitLease
    {
        public static Lease GrantedAt(DateTimeOffset slot) => new(true, null, slot);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is not null ? [MetadataName.RetryAfter.Name] : slot is not null ? [SlotMetadata.Name] : [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            if (slot is { } at && metadataName == SlotMetadata.Name)
            {
                metadata = at;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
