using FleetManager.Core.Errors;

namespace FleetManager.Google.Auth;

/// <summary>
/// Google refused the credential (<c>invalid_grant</c>: an expired or revoked refresh token, the 7-day
/// "Testing" publishing status; a missing or unreadable credential file). Retrying cannot help: the
/// source stops and the fix tells the user what to do (exit 6).
/// </summary>
public sealed class GoogleAuthorizationException(string message, string fix, Exception? innerException = null)
    : CredentialException(message, fix, innerException);
