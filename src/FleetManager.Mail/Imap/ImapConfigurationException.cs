namespace FleetManager.Mail.Imap;

/// <summary>
/// The IMAP settings do not fit the server (the folder does not exist, STARTTLS or XOAUTH2 is not
/// offered, the certificate is not trusted, keywords cannot be stored). Retrying cannot help: the
/// source stops and <see cref="Fix"/> tells the user what to change.
/// </summary>
public sealed class ImapConfigurationException(string message, string fix, Exception? innerException = null)
    : Exception(message + " " + fix, innerException)
{
    /// <summary>What the user must change.</summary>
    public string Fix { get; } = fix;
}
