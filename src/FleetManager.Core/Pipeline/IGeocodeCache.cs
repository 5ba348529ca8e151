using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Geocoding answers kept in the store so no address is looked up twice (misses too).</summary>
public interface IGeocodeCache
{
    /// <summary>True when <paramref name="provider"/> was asked <paramref name="query"/> before; <paramref name="point"/> is its answer (null: not found).</summary>
    bool TryGet(string provider, string query, out GeoPoint? point);

    void Put(string provider, string query, GeoPoint? point, DateTimeOffset at);
}
