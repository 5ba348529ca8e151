namespace FleetManager.Google.Auth;

/// <summary>
/// Gives an OAuth access token for Google's APIs (refreshed as needed) from whichever credential is
/// configured: an installed-app refresh token or a service account with domain-wide delegation.
/// </summary>
public interface IGoogleAccessTokenProvider
{
    /// <exception cref="GoogleAuthorizationException">The credential is missing, expired or revoked: stop the source and tell the user the fix.</exception>
    ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>
    /// An API answered 401 to <paramref name="rejectedToken"/> although it had not expired by our clock (revoked
    /// early, or the clocks disagree): returns a newly issued token, or the current one when another request has
    /// already replaced the rejected token.
    /// </summary>
    /// <exception cref="GoogleAuthorizationException">The credential itself is refused: stop the source and tell the user the fix.</exception>
    ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken);
}
