using System.Text.Json.Serialization;

namespace FleetManager.Google.Sheets;

/// <summary>Source-generated JSON for the Sheets API's responses (camelCase, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SheetsValueRange))]
[JsonSerializable(typeof(SheetsAppendResponse))]
[JsonSerializable(typeof(GoogleErrorEnvelope))]
internal sealed partial class SheetsJsonContext : JsonSerializerContext;
