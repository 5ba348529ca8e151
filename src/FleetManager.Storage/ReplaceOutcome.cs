namespace FleetManager.Storage;

/// <summary>What <see cref="IOrderStore.Replace"/> did.</summary>
public enum ReplaceOutcome
{
    /// <summary>No ledger row has the message's key: nothing changed.</summary>
    NotFound,

    /// <summary>The stored outcome and orders are exactly the new result: nothing was written.</summary>
    Unchanged,

    /// <summary>The ledger row, orders, stops and outbox were replaced in one transaction.</summary>
    Replaced,
}
