namespace FleetManager.Dashboard.Hosting;

/// <summary>
/// What <c>fleetmanager run</c> knows about itself (the <c>/healthz/status</c> data) for the status page, and the
/// outbox push behind the review queue's "retry". Not registered under <c>serve</c>, which has no sources or sinks.
/// </summary>
public interface IServiceStatusSource
{
    /// <summary>The service's state now.</summary>
    Task<ServiceStatusView> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Pushes every sink's outbox now; returns null when every sink took its rows, else what failed (secrets masked).</summary>
    Task<string?> PushOutboxAsync(CancellationToken cancellationToken);
}
