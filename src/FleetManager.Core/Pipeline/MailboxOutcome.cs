namespace FleetManager.Core.Pipeline;

/// <summary>What became of a mailbox message, told to the mailbox after the commit.</summary>
public enum MailboxOutcome
{
    /// <summary>Committed now: read and stored (an order, an invoice or other).</summary>
    Processed,

    /// <summary>Committed now as quarantined, with its reason in the ledger.</summary>
    Quarantined,

    /// <summary>The ledger already held it (an earlier run committed it and may have crashed before acknowledging).</summary>
    AlreadyCommitted,

    /// <summary>The ledger already held it as quarantined: acknowledged as quarantined again (never as processed).</summary>
    AlreadyQuarantined,
}
