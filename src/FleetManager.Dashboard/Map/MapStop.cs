namespace FleetManager.Dashboard.Map;

/// <summary>A geocoded stop of a lane.</summary>
/// <param name="Type">loading or unloading.</param>
/// <param name="Place">What was read of the place (company, city, country), as text.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
public sealed record MapStop(string Type, string Place, double Lat, double Lon);
