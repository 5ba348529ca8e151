using FleetManager.Core.Pipeline;

namespace FleetManager.Google.Tests.Support;

/// <summary>The outbox contract in memory (the SQLite/PostgreSQL ones come from the storage side).</summary>
internal sealed class InMemoryOutbox : IOutbox
{
    private readonly List<OutboxEntry> _entries = [];
    private readonly HashSet<long> _delivered = [];
    private readonly Lock _lock = new();
    private long _nextId = 1;

    /// <summary>When set, the next MarkDelivered call throws (a crash after Google confirmed the append).</summary>
    public bool FailNextMarkDelivered { get; set; }

    public OutboxEntry Add(string orderKey, string payloadJson, OutboxChange change = OutboxChange.Insert)
    {
        lock (_lock)
        {
            var entry = new OutboxEntry(_nextId++, "sheets", orderKey, payloadJson) { Change = change };
            _entries.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Sink == sink && !_delivered.Contains(e.Id)).OrderBy(e => e.Id).Take(max)];
        }
    }

    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        lock (_lock)
        {
            if (FailNextMarkDelivered)
            {
                FailNextMarkDelivered = false;
                throw new IOException("the store went away");
            }

            _delivered.UnionWith(ids);
        }
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken) => ValueTask.FromResult(Pending(sink, max));

    public ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        MarkDelivered(sink, ids, deliveredAt);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken) => ValueTask.FromResult(Depth(sink));

    public long Depth(string sink)
    {
        lock (_lock)
        {
            return _entries.Count(e => e.Sink == sink && !_delivered.Contains(e.Id));
        }
    }
}
