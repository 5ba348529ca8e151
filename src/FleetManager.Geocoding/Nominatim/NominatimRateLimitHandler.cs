namespace FleetManager.Geocoding.Nominatim;

/// <summary>Makes every attempt (retries included) wait for its <see cref="NominatimRateLimiter"/> slot.</summary>
public sealed class NominatimRateLimitHandler(NominatimRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
