using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Geocoding.Tests.Support;

/// <summary>The geocode-cache contract in memory (the store's comes from the storage side), recording what was put.</summary>
internal sealed class CountingGeocodeCache : IGeocodeCache
{
    private readonly Dictionary<(string, string), GeoPoint?> _answers = [];

    public List<(string Provider, string Query, GeoPoint? Point)> Puts { get; } = [];

    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        lock (_answers)
        {
            return _answers.TryGetValue((provider, query), out point);
        }
    }

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        lock (_answers)
        {
            _answers[(provider, query)] = point;
            Puts.Add((provider, query, point));
        }
    }
}
