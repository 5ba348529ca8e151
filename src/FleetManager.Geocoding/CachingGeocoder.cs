using System.Collections.Concurrent;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetManager.Geocoding;

/// <summary>
/// The geocoder the pipeline uses when an online provider is configured. Each distinct query (provider +
/// normalised address, see <see cref="GeocodingQuery"/>) is sent at most once: answers and misses go to the
/// <see cref="IGeocodeCache"/>, and concurrent stops asking the same thing share one request. When the
/// provider has no answer, or is unavailable (quota, outage), the offline gazetteer answers instead; an
/// unavailable answer is not cached, so the place is asked again later. A rejected configuration
/// (<see cref="GeocoderRejectedException"/>) propagates: the import stops with the fix.
/// </summary>
public sealed class CachingGeocoder(
    IGeocodingProvider provider,
    IGeocodeCache cache,
    IGeocoder fallback,
    TimeProvider timeProvider,
    ILogger<CachingGeocoder>? logger = null) : IGeocoder
{
    private readonly ILogger _logger = logger ?? NullLogger<CachingGeocoder>.Instance;
    private readonly ConcurrentDictionary<string, Lazy<Task<GeoPoint?>>> _inFlight = new(StringComparer.Ordinal);

    public async ValueTask<GeoPoint?> GeocodeAsync(Stop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var query = GeocodingQuery.From(stop);
        if (query is null)
        {
            return await fallback.GeocodeAsync(stop, cancellationToken).ConfigureAwait(false);
        }

        if (await cache.GetAsync(provider.Name, query.CacheKey, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached.Point ?? await fallback.GeocodeAsync(stop, cancellationToken).ConfigureAwait(false);
        }

        GeoPoint? point;
        var lookup = _inFlight.GetOrAdd(query.CacheKey, _ => new Lazy<Task<GeoPoint?>>(() => LookUpAndCacheAsync(query)));
        try
        {
            point = await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GeocoderUnavailableException ex)
        {
            GeocodingLog.Unavailable(_logger, provider.Name, ex.Message);
            return await fallback.GeocodeAsync(stop, cancellationToken).ConfigureAwait(false);
        }

        return point ?? await fallback.GeocodeAsync(stop, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GeoPoint?> LookUpAndCacheAsync(GeocodingQuery query)
    {
        try
        {
            // Shared by every stop waiting for this query, so no single caller's cancellation ends it;
            // the HTTP pipeline's timeouts bound it.
            var point = await provider.LookupAsync(query, CancellationToken.None).ConfigureAwait(false);
            await cache.PutAsync(provider.Name, query.CacheKey, point, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            GeocodingLog.LookedUp(_logger, provider.Name, point is null ? "not found" : "found");
            return point;
        }
        finally
        {
            _inFlight.TryRemove(query.CacheKey, out _);
        }
    }
}
