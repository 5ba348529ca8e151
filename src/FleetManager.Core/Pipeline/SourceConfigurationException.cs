namespace FleetManager.Core.Pipeline;

/// <summary>
/// A source's settings cannot work (a missing folder, an unknown host, a mailbox that does not
/// exist). Retrying cannot help: the source stops failing only when the user applies <see cref="Fix"/>.
/// </summary>
public sealed class SourceConfigurationException(string message, string fix, Exception? innerException = null)
    : Exception(message + " " + fix, innerException)
{
    /// <summary>What the user must change, for example "create the folder or fix Sources:0:Folder:Path".</summary>
    public string Fix { get; } = fix;
}
