using FleetManager.Core.Errors;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// A source's settings cannot work (a missing folder, an unknown host, a mailbox that does not
/// exist). Retrying cannot help: the source stops failing only when the user applies the fix.
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class SourceConfigurationException(string message, string fix, Exception? innerException = null)
    : ConfigurationException(message + " " + fix, fix, innerException);
