using FleetManager.Core.Errors;

namespace FleetManager.Google.Auth;

/// <summary>
/// Google refused the credential (<c>invalid_grant</c>: an expired or revoked refresh token, the 7-day
/// "Testing" publishing status; a missing or unreadable credential file). Retrying cannot help: the
/// source stops and the fix tells the user what to do (exit 6).
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class GoogleAuthorizationException(string message, string fix, Exception? innerException = null)
    : CredentialException(message + " " + fix, fix, innerException);
