using System.Text.Json.Serialization;

namespace FleetManager.Geocoding.Nominatim;

/// <summary>Source-generated JSON for Nominatim's answers (numbers accepted as strings and vice versa).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<NominatimPlace>))]
internal sealed partial class NominatimJsonContext : JsonSerializerContext;
