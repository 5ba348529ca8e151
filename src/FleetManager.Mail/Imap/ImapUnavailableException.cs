using FleetManager.Core.Errors;

namespace FleetManager.Mail.Imap;

/// <summary>
/// The IMAP server could not be reached or the connection broke (refused, reset, timed out). Transient:
/// nothing was acknowledged beyond what was committed, and the next poll reconnects and carries on (exit 7).
/// </summary>
public sealed class ImapUnavailableException(string message, Exception? innerException = null)
    : ServiceUnavailableException(message, "Check that the IMAP server is reachable (Imap:Host, Imap:Port), then run again.", null, innerException);
