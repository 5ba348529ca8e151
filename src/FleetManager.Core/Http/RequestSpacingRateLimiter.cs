using System.Threading.RateLimiting;

namespace FleetManager.Llm.Http;

/// <summary>
/// A client-side requests-per-minute limit as a <see cref="RateLimiter"/>: request starts are spaced
/// <c>60 s / requestsPerMinute</c> apart, each caller reserving the next free start time and waiting
/// for it on the <see cref="TimeProvider"/> (so tests drive it with a fake clock; the library's own
/// limiters measure replenishment with the real stopwatch). In any minute at most
/// <c>requestsPerMinute</c> requests start. Every attempt takes a permit, retries included, since the
/// API counts them all. A cancelled waiter's slot stays spent, which errs on the safe side.
/// </summary>
public sealed class RequestRateLimiter : RateLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private long _granted;
    private long _failed;
    private int _waiting;

    public RequestRateLimiter(int requestsPerMinute, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Period = TimeSpan.FromMinutes(1) / requestsPerMinute;
        _timeProvider = timeProvider;
    }

    /// <summary>The spacing between two request starts.</summary>
    public TimeSpan Period { get; }

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

    /// <summary>Permits granted so far (tests check that retries take permits too).</summary>
    public RateLimiterStatistics Statistics => GetStatistics();

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _timeProvider.GetUtcNow() >= _nextStart ? 1 : 0,
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _failed,
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
            _nextStart = start + Period;
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
                _nextStart = now + Period;
                _granted++;
                return Lease.Granted;
            }

            _failed++;
            return new Lease(false, _nextStart - now);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        var start = Reserve();
        var wait = start - _timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        Interlocked.Increment(ref _granted);
        return Lease.Granted;
    }

    /// <summary>A permit (nothing to give back: a start time, once used, is spent).</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Granted { get; } = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
