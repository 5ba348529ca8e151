using FleetManager.Core.Errors;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// The model service refused the reader's API key (HTTP 401/403, <c>API_KEY_INVALID</c>). Retrying cannot
/// help; the message is read again once the key is fixed (exit 6).
/// </summary>
public sealed class ReaderCredentialException(string message, string fix, Exception? innerException = null)
    : CredentialException(message, fix, innerException);
