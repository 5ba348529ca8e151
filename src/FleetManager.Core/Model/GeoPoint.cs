namespace FleetManager.Core.Model;

/// <summary>A geocoded place. <see cref="Confidence"/> is 1 for an exact match, lower for a partial one.</summary>
public sealed record GeoPoint(double Latitude, double Longitude, double Confidence = 1.0);
