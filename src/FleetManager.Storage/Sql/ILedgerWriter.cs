using FleetManager.Core.Model;

namespace FleetManager.Storage.Sql;

/// <summary>A back-end's commits: how a message's rows are written in one transaction differs enough (prepared statements vs batches) to stay per dialect.</summary>
internal interface ILedgerWriter : IDisposable
{
    bool Commit(StoredMessage message, EmailResult result);

    IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch);

    ReplaceOutcome Replace(StoredMessage message, EmailResult result);

    long PurgeRawMessages(DateTimeOffset processedBefore);
}
