using FleetManager.Core.Errors;

namespace FleetManager.Mail.Imap;

/// <summary>
/// The IMAP server refused the login (wrong password, revoked token, IMAP disabled for the account).
/// Retrying cannot help: the source stops and the fix tells the user what to do (exit 6).
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class ImapAuthenticationException(string message, string fix, Exception? innerException = null)
    : CredentialException(message + " " + fix, fix, innerException);
