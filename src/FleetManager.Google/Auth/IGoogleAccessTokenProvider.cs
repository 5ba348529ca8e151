namespace FleetManager.Google.Auth;

/// <summary>
/// Gives an OAuth access token for Google's APIs (refreshed as needed) from whichever credential is
/// configured: an installed-app refresh token or a service account with domain-wide delegation.
/// </summary>
public interface IGoogleAccessTokenProvider
{
    /// <exception cref="GoogleAuthorizationException">The credential is missing, expired or revoked: stop the source and tell the user the fix.</exception>
    ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);
}
