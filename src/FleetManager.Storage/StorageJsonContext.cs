using System.Text.Json.Serialization;
using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>Source-generated JSON for the order book's own columns (field evidence), kept out of the interchange context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Dictionary<string, TextSpan>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
