using System.Threading.RateLimiting;

namespace FleetManager.Llm.Http;

/// <summary>
/// Takes a <see cref="RequestRateLimiter"/> permit before each attempt. It sits inside the
/// resilience handler, so retries share the same budget as first attempts.
/// </summary>
public sealed class RateLimitingHandler(RateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("the client-side rate limiter refused the request");
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
