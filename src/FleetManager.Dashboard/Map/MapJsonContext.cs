using System.Text.Json.Serialization;

namespace FleetManager.Dashboard.Map;

/// <summary>Source-generated JSON for the map's data (no reflection: Native AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MapDocument))]
public sealed partial class MapJsonContext : JsonSerializerContext;
