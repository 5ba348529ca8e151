namespace FleetManager.Geocoding;

/// <summary>Which service answers geocoding lookups (<c>Geocoding:Provider</c>).</summary>
public enum GeocodingProvider
{
    /// <summary>The embedded GeoNames gazetteer: no network, city-level coordinates (the default).</summary>
    Offline,

    /// <summary>Google Geocoding (needs <c>Geocoding:Google:ApiKey</c> / <c>GOOGLE_MAPS_API_KEY</c>).</summary>
    Google,

    /// <summary>OpenStreetMap Nominatim (at most one request per second; needs a User-Agent naming your installation).</summary>
    Nominatim,
}
