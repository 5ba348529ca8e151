using FleetManager.Core.Errors;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// The chosen reader cannot work with its settings (not configured, an unknown model id, a project
/// without billing or in an unsupported region). Retrying cannot help; the message is read again after the fix.
/// </summary>
public sealed class ReaderConfigurationException(string message, string fix, Exception? innerException = null)
    : ConfigurationException(message, fix, innerException);
