namespace FleetManager.Geocoding;

/// <summary>The <c>Geocoding</c> section: which provider geocodes stops.</summary>
public sealed class GeocodingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Geocoding";

    /// <summary><c>offline</c> (default), <c>google</c> or <c>nominatim</c>. Online providers fall back to the offline gazetteer when they have no answer or are unavailable.</summary>
    public GeocodingProvider Provider { get; set; } = GeocodingProvider.Offline;
}
