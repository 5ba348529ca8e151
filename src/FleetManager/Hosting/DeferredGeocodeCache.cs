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

    public bool TryGet(string provider, string query, out GeoPoint? point) => _cache.Value.TryGet(provider, query, out point);

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at) => _cache.Value.Put(provider, query, point, at);
}
