using FleetManager.Core.Errors;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// The mail server or API refused the credentials (wrong password, revoked token). Retrying cannot
/// help: the source stops failing only when the user applies the fix.
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class SourceAuthenticationException(string message, string fix, Exception? innerException = null)
    : CredentialException(message + " " + fix, fix, innerException);
