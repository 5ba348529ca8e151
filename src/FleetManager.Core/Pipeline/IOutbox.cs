namespace FleetManager.Core.Pipeline;

/// <summary>The store's outbox: orders committed but not yet delivered to a sink.</summary>
public interface IOutbox
{
    /// <summary>The oldest undelivered entries for <paramref name="sink"/>, at most <paramref name="max"/>.</summary>
    IReadOnlyList<OutboxEntry> Pending(string sink, int max);

    /// <summary>Marks entries delivered (idempotent).</summary>
    void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt);

    /// <summary>How many entries wait for <paramref name="sink"/> (health, metrics).</summary>
    long Depth(string sink);
}
