using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Hosting;

/// <summary>
/// The order book's geocode cache, reached on first lookup: the verbs build (and validate) the reading
/// pipeline before they open the store, so a missing key never leaves an empty order book behind.
/// </summary>
internal sealed class DeferredGeocodeCache(Func<IGeocodeCache> cache) : IGeocodeCache
{
    private readonly Lazy<IGeocodeCache> _cache = new(cache);

    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken) => _cache.Value.GetAsync(provider, query, cancellationToken);

    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken) =>
        _cache.Value.PutAsync(provider, query, point, at, cancellationToken);
}
