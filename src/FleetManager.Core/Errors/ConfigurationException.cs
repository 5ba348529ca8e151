namespace FleetManager.Core.Errors;

/// <summary>A setting is missing or cannot work. Retrying cannot help; the message is read again after the fix.</summary>
public class ConfigurationException(string message, string fix, Exception? innerException = null)
    : FleetManagerException(message, fix, innerException)
{
    public override ErrorCategory Category => ErrorCategory.Configuration;
}
