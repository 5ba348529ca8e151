using FleetManager.Core.Model;

namespace FleetManager.Geocoding;

/// <summary>An online geocoding service, asked through <see cref="CachingGeocoder"/>.</summary>
public interface IGeocodingProvider
{
    /// <summary>The provider's name in the geocode cache (<c>google</c>, <c>nominatim</c>).</summary>
    string Name { get; }

    /// <summary>The best match for <paramref name="query"/>, or null when the service knows no such place.</summary>
    /// <exception cref="GeocoderUnavailableException">Quota, rate limit, a server or network failure: try later.</exception>
    /// <exception cref="GeocoderRejectedException">The key or the request is refused: stop and fix the configuration.</exception>
    ValueTask<GeoPoint?> LookupAsync(GeocodingQuery query, CancellationToken cancellationToken);
}
