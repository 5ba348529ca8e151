namespace FleetManager.Core.Pipeline;

/// <summary>The store of processed messages, their orders and the ledger (SQLite, PostgreSQL).</summary>
public interface IOrderBook
{
    /// <summary>True when the ledger already holds this key (processed or quarantined).</summary>
    bool Contains(string ledgerKey);

    /// <summary>
    /// True when the ledger holds this key as quarantined (a mailbox re-reading it labels it as such
    /// again). Stores that cannot tell answer false.
    /// </summary>
    bool IsQuarantined(string ledgerKey) => false;

    /// <summary>
    /// Stores the message, its orders and its ledger row in one transaction. Returns false (and
    /// changes nothing) when the ledger already holds the key.
    /// </summary>
    bool Commit(ProcessedMessage message, DateTimeOffset processedAt);

    /// <summary>
    /// Stores several messages in one transaction (each with its orders and ledger row; a failure
    /// stores none of them). Group commit: the per-transaction cost is paid once per batch. Returns,
    /// per message, whether it was stored (false: its key was already there).
    /// </summary>
    IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt);
}
