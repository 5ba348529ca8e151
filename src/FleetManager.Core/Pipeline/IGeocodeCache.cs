using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Geocoding answers kept in the store so no address is looked up twice (misses too).</summary>
public interface IGeocodeCache
{
    /// <summary>
    /// What <paramref name="provider"/> answered for <paramref name="query"/> before (its point, or none: a miss is
    /// remembered too); null when it was never asked.
    /// </summary>
    ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="provider"/>'s answer for <paramref name="query"/> (null <paramref name="point"/>: not found).</summary>
    ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken);
}
