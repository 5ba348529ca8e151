namespace FleetManager.Google.Auth;

/// <summary>
/// Google refused the credential (<c>invalid_grant</c>: an expired or revoked refresh token, the 7-day
/// "Testing" publishing status; a missing or unreadable credential file). Retrying cannot help: the
/// source stops and <see cref="Fix"/> tells the user what to do.
/// </summary>
public sealed class GoogleAuthorizationException(string message, string fix, Exception? innerException = null)
    : Exception(message + " " + fix, innerException)
{
    /// <summary>What the user must do, for example "run 'fleetmanager auth google' again".</summary>
    public string Fix { get; } = fix;
}
