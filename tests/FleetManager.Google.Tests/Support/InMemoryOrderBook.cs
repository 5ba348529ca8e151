using System.Collections.Concurrent;
using FleetManager.Core.Pipeline;

namespace FleetManager.Google.Tests.Support;

/// <summary>A ledger in memory; <see cref="FailCommits"/> makes every commit throw (a crash before the commit).</summary>
internal sealed class InMemoryOrderBook : IOrderBook
{
    public ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken) => ValueTask.FromResult(Contains(ledgerKey));

    public ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Commit(message, processedAt));

    public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CommitBatch(messages, processedAt));

    public ConcurrentDictionary<string, ProcessedMessage> Ledger { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times each ledger key was committed (must stay 1).</summary>
    public ConcurrentDictionary<string, int> CommitCounts { get; } = new(StringComparer.Ordinal);

    public bool FailCommits { get; set; }

    public bool Contains(string ledgerKey) => Ledger.ContainsKey(ledgerKey);

    public bool Commit(ProcessedMessage message, DateTimeOffset processedAt) => CommitBatch([message], processedAt)[0];

    public IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt)
    {
        if (FailCommits)
        {
            throw new IOException("simulated crash before the commit");
        }

        return messages.Select(m =>
        {
            var added = Ledger.TryAdd(m.LedgerKey, m);
            if (added)
            {
                CommitCounts.AddOrUpdate(m.LedgerKey, 1, (_, n) => n + 1);
            }

            return added;
        }).ToList();
    }
}
