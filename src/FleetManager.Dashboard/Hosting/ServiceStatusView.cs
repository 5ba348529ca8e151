namespace FleetManager.Dashboard.Hosting;

/// <summary>The service's state as the status page shows it.</summary>
/// <param name="Health">healthy, degraded or unhealthy (as <c>/healthz/status</c>).</param>
/// <param name="Version">The build's version.</param>
/// <param name="Commit">The build's commit, when known.</param>
/// <param name="StartedAt">When this process started.</param>
/// <param name="Sources">Each configured mail source.</param>
/// <param name="Sinks">Each outbox sink.</param>
/// <param name="Model">The reader's model calls since start.</param>
public sealed record ServiceStatusView(
    string Health,
    string Version,
    string? Commit,
    DateTimeOffset StartedAt,
    IReadOnlyList<SourceStatusView> Sources,
    IReadOnlyList<SinkStatusView> Sinks,
    ModelUsageView Model);
