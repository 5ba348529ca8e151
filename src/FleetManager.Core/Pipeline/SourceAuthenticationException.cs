namespace FleetManager.Core.Pipeline;

/// <summary>
/// The mail server or API refused the credentials (wrong password, revoked token). Retrying cannot
/// help: the source stops failing only when the user applies <see cref="Fix"/>.
/// </summary>
public sealed class SourceAuthenticationException(string message, string fix, Exception? innerException = null)
    : Exception(message + " " + fix, innerException)
{
    /// <summary>What the user must do, for example "set Imap:Password to the account's app password".</summary>
    public string Fix { get; } = fix;
}
