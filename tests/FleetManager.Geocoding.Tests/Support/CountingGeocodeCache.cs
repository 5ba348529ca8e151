using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Geocoding.Tests.Support;

/// <summary>The geocode-cache contract in memory (the store's comes from the storage side), recording what was put.</summary>
internal sealed class CountingGeocodeCache : IGeocodeCache
{
    private readonly Dictionary<(string, string), GeoPoint?> _answers = [];

    public List<(string Provider, string Query, GeoPoint? Point)> Puts { get; } = [];

    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken)
    {
        lock (_answers)
        {
            return ValueTask.FromResult(_answers.TryGetValue((provider, query), out var point) ? new GeocodeCacheHit(point) : null);
        }
    }

    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_answers)
        {
            _answers[(provider, query)] = point;
            Puts.Add((provider, query, point));
        }

        return ValueTask.CompletedTask;
    }
}
