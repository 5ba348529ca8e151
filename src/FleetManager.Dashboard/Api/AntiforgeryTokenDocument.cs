namespace FleetManager.Dashboard.Api;

/// <summary>
/// The antiforgery token a script sends back in <see cref="HeaderName"/> on a state change (PATCH); the matching
/// cookie is set by the same response. Readable only by pages of the dashboard's own origin (no CORS).
/// </summary>
/// <param name="HeaderName">The request header that carries the token (<c>X-CSRF-TOKEN</c>).</param>
/// <param name="Token">The request token.</param>
public sealed record AntiforgeryTokenDocument(string HeaderName, string Token);
