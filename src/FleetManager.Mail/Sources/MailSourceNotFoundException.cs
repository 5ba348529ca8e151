using FleetManager.Core.Errors;

namespace FleetManager.Mail.Sources;

/// <summary>
/// A configured mail path does not exist. This stops the source (a configuration error), unlike
/// an unreadable message, which is delivered with <see cref="Core.Model.RawMessage.ReadError"/> set.
/// </summary>
public sealed class MailSourceNotFoundException : ConfigurationException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public MailSourceNotFoundException(string path)
        : base($"Mail source path not found: '{path}' (neither a file nor a directory).", "Create it or fix the configured path.")
    {
        Path = path;
    }

    /// <summary>The path as configured.</summary>
    public string Path { get; }
}
