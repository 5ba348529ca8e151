namespace FleetManager.Llm.Http;

/// <summary>
/// Takes a <see cref="RequestRateLimiter"/> permit before each attempt. It sits inside the
/// resilience handler, so retries share the same budget as first attempts.
/// </summary>
public sealed class RateLimitingHandler(RequestRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            // The permit is spent by starting the request; it is not held for the response.
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
