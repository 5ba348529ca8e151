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

    bool Commit(StoredMessage message, EmailResult result);

    IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch);

    /// <summary>
    /// <see cref="CommitBatch"/> for the import and the service. PostgreSQL does the I/O asynchronously; SQLite's
    /// library has no asynchronous I/O (its async calls run synchronously), so its commit completes before returning.
    /// </summary>
    ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken);

    ReplaceOutcome Replace(StoredMessage message, EmailResult result);
}
