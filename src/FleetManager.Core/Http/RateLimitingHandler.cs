using System.Threading.RateLimiting;
using FleetManager.Core.Errors;

namespace FleetManager.Core.Http;

/// <summary>
/// Takes one permit of a <see cref="RateLimiter"/> before each attempt. Registered inside the resilience
/// handler, so retries spend the same budget as first attempts (the model APIs and Nominatim count every
/// request). The limiter is any <see cref="RateLimiter"/>: the product uses <see cref="RequestSpacingRateLimiter"/>.
/// <paramref name="permitted"/> hears each permit's slot (<see cref="RequestSpacingRateLimiter.SlotMetadata"/>, else the
/// time it was granted): the limiter's own record of the request rate, which a log can carry out of the process (a
/// server timing arrivals sees its own scheduling delays as well).
/// </summary>
public sealed class RateLimitingHandler(RateLimiter limiter, TimeProvider timeProvider, Action<DateTimeOffset>? permitted = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (lease.IsAcquired && permitted is not null)
            {
                permitted(lease.TryGetMetadata(RequestSpacingRateLimiter.SlotMetadata, out var slot) ? slot : timeProvider.GetUtcNow());
            }

            if (!lease.IsAcquired)
            {
                // Only a limiter with a bounded queue refuses; the request was not sent, so it is safe to retry.
                DateTimeOffset? retryAt = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? timeProvider.GetUtcNow() + retryAfter : null;
                throw new ServiceUnavailableException(
                    $"The client-side rate limit for {request.RequestUri?.Host ?? "the service"} refused the request.",
                    "Try again later, or lower the number of requests made at once.",
                    retryAt);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
