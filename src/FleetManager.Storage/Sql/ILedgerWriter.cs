using FleetManager.Core.Model;

namespace FleetManager.Storage.Sql;

/// <summary>A back-end's commits: how a message's rows are written in one transaction differs enough (prepared statements vs batches) to stay per dialect.</summary>
internal interface ILedgerWriter : IDisposable
{
    /// <summary>
    /// Where the orders of each committed transaction (commit and group commit, not a replace) go once it has committed,
    /// so the orders list's catch-up need not read them back; null: nowhere.
    /// </summary>
    CommittedListRows? ListRows { get; set; }

    /// <summary>
    /// Records each message of <paramref name="batch"/> (ledger row, raw bytes, orders, stops, outbox rows) in ONE
    /// transaction; for each, false when its ledger key was already recorded. PostgreSQL does the I/O asynchronously;
    /// SQLite's library has no asynchronous I/O (its async calls run synchronously), so its commit completes before returning.
    /// </summary>
    ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken);

    /// <summary>Replaces a recorded message's outcome and orders in one transaction (<see cref="IOrderStore.ReplaceAsync"/>); as <see cref="CommitBatchAsync"/> for the I/O.</summary>
    ValueTask<ReplaceOutcome> ReplaceAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken);
}
