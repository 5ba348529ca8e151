using System.Text.Json.Serialization;

namespace FleetManager.Google.Auth;

/// <summary>The token file written by <c>fleetmanager auth google</c> (mode 0600).</summary>
public sealed record StoredRefreshToken(
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
