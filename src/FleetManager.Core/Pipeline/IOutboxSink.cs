namespace FleetManager.Core.Pipeline;

/// <summary>
/// Delivers the store's outbox to one destination (Google Sheets, a webhook). The service pushes
/// every registered sink after each poll; a sink reads its pending entries from <see cref="IOutbox"/>
/// under its <see cref="Name"/> and marks them delivered, so an outage only delays rows.
/// </summary>
public interface IOutboxSink
{
    /// <summary>The sink's name: the outbox key of its entries (<c>sheets</c>).</summary>
    string Name { get; }

    /// <summary>Rows the sink takes from the outbox per request: when a push fails, the oldest this many undelivered rows are the ones it tried.</summary>
    int BatchSize { get; }

    /// <summary>Delivers what is pending; returns how many entries were delivered.</summary>
    Task<int> PushAsync(CancellationToken cancellationToken);
}
