using System.Text.Json.Serialization;

namespace FleetManager.Google.Auth;

/// <summary>Source-generated JSON for the token file (no reflection: Native AOT stays possible).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(StoredRefreshToken))]
internal sealed partial class GoogleAuthJsonContext : JsonSerializerContext;
