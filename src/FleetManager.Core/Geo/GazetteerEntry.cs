namespace FleetManager.Core.Geo;

/// <summary>One populated place of the offline gazetteer (GeoNames data).</summary>
/// <param name="Name">The place's GeoNames name, e.g. <c>Munich</c>, <c>Łódź</c>, <c>Sofia</c>.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="Latitude">Decimal degrees, 4 decimals.</param>
/// <param name="Longitude">Decimal degrees, 4 decimals.</param>
/// <param name="Population">GeoNames population; 0 when unknown.</param>
public sealed record GazetteerEntry(string Name, string CountryCode, double Latitude, double Longitude, int Population);
