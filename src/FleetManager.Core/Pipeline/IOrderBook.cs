namespace FleetManager.Core.Pipeline;

/// <summary>The store of processed messages, their orders and the ledger (SQLite, PostgreSQL).</summary>
public interface IOrderBook
{
    /// <summary>True when the ledger already holds this key (processed or quarantined).</summary>
    bool Contains(string ledgerKey);

    /// <summary>
    /// Stores the message, its orders and its ledger row in one transaction. Returns false (and
    /// changes nothing) when the ledger already holds the key.
    /// </summary>
    bool Commit(ProcessedMessage message, DateTimeOffset processedAt);
}
