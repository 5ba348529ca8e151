using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// A geocoding answer found in the <see cref="IGeocodeCache"/>: the provider was asked before and answered
/// <see cref="Point"/> (null: it had no answer, which is remembered so that the address is not asked again).
/// </summary>
public sealed record GeocodeCacheHit(GeoPoint? Point);
