using FleetManager.Core.Errors;

namespace FleetManager.Hosting;

/// <summary>
/// A configuration file cannot be read: <c>appsettings.json</c> is not valid JSON (the message names the
/// file and line), or the file <c>FLEETMANAGER_CONFIG</c> names does not exist (exit 5).
/// </summary>
public sealed class ConfigurationFileException(string message, string fix, Exception? innerException = null)
    : ConfigurationException(message, fix, innerException);
