using System.Threading.RateLimiting;

namespace FleetManager.Llm.Http;

/// <summary>
/// A client-side requests-per-minute limit: a token bucket holding one request, refilled every
/// <c>60 s / requestsPerMinute</c> by a <see cref="TimeProvider"/> timer (so tests drive it with a fake
/// clock). In any minute at most <c>requestsPerMinute</c> requests start. Every attempt takes a permit,
/// retries included, since the API counts them all. Callers beyond the bucket queue in order.
/// </summary>
public sealed class RequestRateLimiter : IAsyncDisposable, IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _timer;

    public RequestRateLimiter(int requestsPerMinute, TimeProvider timeProvider, int queueLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerMinute, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Period = TimeSpan.FromMinutes(1) / requestsPerMinute;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Period,
            AutoReplenishment = false,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _timer = timeProvider.CreateTimer(_ => _bucket.TryReplenish(), null, Period, Period);
    }

    /// <summary>The spacing between two request starts.</summary>
    public TimeSpan Period { get; }

    /// <summary>Waits for a permit; the returned lease is disposed when the request has started.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("the request queue of the client-side rate limiter is full");
        }

        return lease;
    }

    public void Dispose()
    {
        _timer.Dispose();
        _bucket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _bucket.DisposeAsync().ConfigureAwait(false);
    }
}
