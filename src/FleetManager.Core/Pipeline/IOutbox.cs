namespace FleetManager.Core.Pipeline;

/// <summary>The store's outbox: orders committed but not yet delivered to a sink.</summary>
public interface IOutbox
{
    /// <summary>The oldest undelivered entries for <paramref name="sink"/>, at most <paramref name="max"/>.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken);

    /// <summary>Marks entries delivered (idempotent).</summary>
    ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>How many entries wait for <paramref name="sink"/> (health, metrics).</summary>
    ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken);
}
