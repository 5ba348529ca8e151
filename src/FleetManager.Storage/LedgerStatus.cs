namespace FleetManager.Storage;

/// <summary>What became of a message in the ledger.</summary>
public enum LedgerStatus
{
    /// <summary>Read and classified; its orders (if any) are in the order book.</summary>
    Processed,

    /// <summary>Could not be read; <see cref="LedgerEntry.Error"/> says why. It has no orders.</summary>
    Quarantined,
}
