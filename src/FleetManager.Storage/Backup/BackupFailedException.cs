using FleetManager.Core.Errors;

namespace FleetManager.Storage.Backup;

/// <summary>A backup or restore could not be made; nothing was replaced (the target is only written once the copy is verified).</summary>
public sealed class BackupFailedException(string message, string fix, Exception? innerException = null)
    : StoreException(message, fix, innerException);
