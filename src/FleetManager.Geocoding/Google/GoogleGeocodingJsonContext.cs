using System.Text.Json.Serialization;

namespace FleetManager.Geocoding.Google;

/// <summary>Source-generated JSON for the Geocoding API (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GoogleGeocodeResponse))]
internal sealed partial class GoogleGeocodingJsonContext : JsonSerializerContext;
