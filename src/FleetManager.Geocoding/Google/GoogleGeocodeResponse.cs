namespace FleetManager.Geocoding.Google;

/// <summary>The legacy Geocoding web service's answer: errors are in <see cref="Status"/>, usually with HTTP 200.</summary>
internal sealed record GoogleGeocodeResponse(string? Status, List<GoogleGeocodeResult>? Results, string? ErrorMessage);
