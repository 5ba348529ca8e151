namespace FleetManager.StandIns.OAuth;

/// <summary>An access token the OAuth stand-in issued: its space-separated scopes and when it stops being accepted.</summary>
public sealed record IssuedAccessToken(string Scope, DateTimeOffset ExpiresAt);
