namespace FleetManager.Core.Errors;

/// <summary>A credential was refused, has expired, or is stored unsafely. Retrying cannot help; renew or fix it.</summary>
public class CredentialException(string message, string fix, Exception? innerException = null)
    : FleetManagerException(message, fix, innerException)
{
    public override ErrorCategory Category => ErrorCategory.Authentication;
}
