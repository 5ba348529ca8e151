namespace FleetManager.Core.Errors;

/// <summary>
/// The order book cannot be used: missing, read-only, out of disk, damaged, or of a newer schema.
/// Nothing half-written is left behind; the run stops and the fix says how to repair the store.
/// </summary>
public class StoreException(string message, string fix, Exception? innerException = null)
    : FleetManagerException(message, fix, innerException)
{
    public override ErrorCategory Category => ErrorCategory.Store;
}
