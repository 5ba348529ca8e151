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

    public bool TryGet(string provider, string query, out GeoPoint? point) => _book.Value.TryGet(provider, query, out point);

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at) => _book.Value.Put(provider, query, point, at);

    public void Dispose()
    {
        if (_book.IsValueCreated)
        {
            _book.Value.Dispose();
        }
    }
}
