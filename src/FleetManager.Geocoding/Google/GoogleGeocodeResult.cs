namespace FleetManager.Geocoding.Google;

/// <summary>One result; <see cref="PartialMatch"/> is present (true) only for an inexact match.</summary>
internal sealed record GoogleGeocodeResult(string? FormattedAddress, GoogleGeometry? Geometry, bool PartialMatch);
