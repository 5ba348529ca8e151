namespace FleetManager.Mail.Imap;

/// <summary>
/// The IMAP server refused the login (wrong password, revoked token, IMAP disabled for the account).
/// Retrying cannot help: the source stops and <see cref="Fix"/> tells the user what to do.
/// </summary>
public sealed class ImapAuthenticationException(string message, string fix, Exception? innerException = null)
    : Exception(message + " " + fix, innerException)
{
    /// <summary>What the user must do, for example "check FLEETMANAGER__IMAP__PASSWORD".</summary>
    public string Fix { get; } = fix;
}
