namespace FleetManager.Geocoding.Google;

/// <summary>A result's location and how precise it is (ROOFTOP, RANGE_INTERPOLATED, GEOMETRIC_CENTER, APPROXIMATE).</summary>
internal sealed record GoogleGeometry(GoogleLatLng? Location, string? LocationType);
