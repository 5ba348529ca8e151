namespace FleetManager.Core.Pipeline;

/// <summary>The store of processed messages, their orders and the ledger (SQLite, PostgreSQL).</summary>
/// <remarks>
/// Asynchronous because the import and the service call it between awaits: PostgreSQL answers over the network,
/// and a thread blocked on it is a thread the readers (a model, a geocoder) do not get. ValueTask because SQLite
/// answers synchronously: a call that completes at once allocates nothing on the per-message path.
/// </remarks>
public interface IOrderBook
{
    /// <summary>True when the ledger already holds this key (processed or quarantined).</summary>
    ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken);

    /// <summary>
    /// True when the ledger holds this key as quarantined (a mailbox re-reading it labels it as such
    /// again). Stores that cannot tell answer false.
    /// </summary>
    ValueTask<bool> IsQuarantinedAsync(string ledgerKey, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <summary>
    /// Stores the message, its orders and its ledger row in one transaction. Returns false (and
    /// changes nothing) when the ledger already holds the key.
    /// </summary>
    ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several messages in one transaction (each with its orders and ledger row; a failure
    /// stores none of them). Group commit: the per-transaction cost is paid once per batch. Returns,
    /// per message, whether it was stored (false: its key was already there).
    /// </summary>
    /// <remarks>
    /// Cancelling stops waiting and rolls the transaction back (nothing of the batch is stored); once the store's
    /// commit has been sent, the batch may be stored although the call ends cancelled: the ledger key then makes the
    /// next run skip it, as after a crash.
    /// </remarks>
    ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Brings up to date what the store derives from the committed orders for reading (the dashboard's orders list and
    /// its search index), telling <paramref name="progress"/> how many orders are done so far; returns how many were
    /// derived. The import runner calls it between two commits every <see cref="ImportRunner.ListEvery"/> orders and once
    /// at the end of a run that committed orders (<c>fleetmanager import</c>, each poll of the service), so that neither
    /// every commit nor the first list query after a bulk import pays for it.
    /// A store that derives nothing returns 0.
    /// </summary>
    ValueTask<int> CatchUpOrderListAsync(IProgress<int>? progress, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
