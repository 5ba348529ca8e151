using FleetManager.Core.Errors;

namespace FleetManager.Mail.Imap;

/// <summary>
/// The IMAP settings do not fit the server (the folder does not exist, STARTTLS or XOAUTH2 is not
/// offered, the certificate is not trusted, keywords cannot be stored). Retrying cannot help: the
/// source stops and the fix tells the user what to change (exit 5).
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class ImapConfigurationException(string message, string fix, Exception? innerException = null)
    : ConfigurationException(message + " " + fix, fix, innerException);
