using System.Collections.Concurrent;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Geocoding;

/// <summary>
/// A process-lifetime <see cref="IGeocodeCache"/>, registered only when the store provides none, so a
/// lookup is still made once per run. The store's cache (SQLite/PostgreSQL) keeps answers across runs.
/// </summary>
public sealed class InMemoryGeocodeCache : IGeocodeCache
{
    private readonly ConcurrentDictionary<(string Provider, string Query), GeoPoint?> _answers = new();

    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_answers.TryGetValue((provider, query), out var point) ? new GeocodeCacheHit(point) : null);

    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _answers[(provider, query)] = point;
        return ValueTask.CompletedTask;
    }
}
