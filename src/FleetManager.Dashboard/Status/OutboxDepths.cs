using FleetManager.Storage;

namespace FleetManager.Dashboard.Status;

/// <summary>How many rows wait for each configured sink, as the status page and <c>/api/stats</c> show them.</summary>
internal static class OutboxDepths
{
    public static async ValueTask<IReadOnlyList<(string Sink, long Depth)>> ReadAsync(IOrderStore store, CancellationToken cancellationToken)
    {
        var depths = new List<(string Sink, long Depth)>(store.OutboxSinks.Count);
        foreach (var sink in store.OutboxSinks)
        {
            depths.Add((sink, await store.DepthAsync(sink, cancellationToken).ConfigureAwait(false)));
        }

        return depths;
    }
}
