using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Resolves a stop's place to coordinates; null when it cannot.</summary>
public interface IGeocoder
{
    ValueTask<GeoPoint?> GeocodeAsync(Stop stop, CancellationToken cancellationToken);
}
