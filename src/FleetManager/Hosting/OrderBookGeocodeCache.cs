using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage;

namespace FleetManager.Hosting;

/// <summary>
/// The order book's geocode cache for a host that holds no order book of its own (<c>serve</c>): the store is
/// opened on the first lookup, so a dashboard nobody reprocesses from opens nothing, and closed with the host.
/// </summary>
internal sealed class OrderBookGeocodeCache(OrderStoreOptions store) : IGeocodeCache, IDisposable
{
    private readonly Lazy<IOrderStore> _book = new(() => OrderStoreFactory.Open(store));

    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken) => _book.Value.GetAsync(provider, query, cancellationToken);

    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken) =>
        _book.Value.PutAsync(provider, query, point, at, cancellationToken);

    public void Dispose()
    {
        if (_book.IsValueCreated)
        {
            _book.Value.Dispose();
        }
    }
}
