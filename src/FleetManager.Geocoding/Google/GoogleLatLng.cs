namespace FleetManager.Geocoding.Google;

/// <summary>Coordinates as JSON numbers.</summary>
internal sealed record GoogleLatLng(double Lat, double Lng);
