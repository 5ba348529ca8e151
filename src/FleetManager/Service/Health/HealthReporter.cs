using FleetManager.Core.Pipeline;
using FleetManager.Storage;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Service.Health;

/// <summary>
/// Turns the in-memory service state into the three health answers. Liveness and status read memory
/// only; readiness also asks the store (a fresh read-only connection).
/// </summary>
internal sealed class HealthReporter(
    ServiceState state,
    SourceCatalog catalog,
    IStoreProbe store,
    ServiceIdentity identity,
    IOptions<ServiceOptions> options,
    TimeProvider timeProvider)
{
    private readonly ServiceOptions _options = options.Value;

    /// <summary>Every enabled poll loop has shown a sign of life within <see cref="ServiceOptions.LivenessTimeout"/> (a loop that has not started yet counts from the start).</summary>
    public ProbeDocument Live()
    {
        var now = timeProvider.GetUtcNow();
        var reasons = new List<string>();
        foreach (var source in EnabledSnapshots())
        {
            var last = source.Heartbeat ?? state.StartedAt;
            if (source.Activity != SourceActivity.Stopped && now - last > _options.LivenessTimeout)
            {
                reasons.Add($"source {source.Name}: no sign of life for {(now - last).TotalSeconds:0} s (a poll is stuck)");
            }
        }

        return new ProbeDocument(reasons.Count == 0 ? "live" : "not live", reasons);
    }

    /// <summary>The store is reachable and migrated, and every enabled source has completed a poll since start (or stands by for another instance's lease).</summary>
    public async Task<ProbeDocument> ReadyAsync(CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        var storeHealth = await store.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!storeHealth.Ok)
        {
            reasons.Add("store: " + StoreText(storeHealth));
        }

        foreach (var source in EnabledSnapshots())
        {
            if (NotReadyReason(source, _options.HealthDetail) is { } reason)
            {
                reasons.Add($"source {PublicName(source.Name)}: {reason}");
            }
        }

        return new ProbeDocument(reasons.Count == 0 ? "ready" : "not ready", reasons);
    }

    public async Task<StatusDocument> StatusAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var storeHealth = await store.CheckAsync(cancellationToken).ConfigureAwait(false);
        var sources = new List<SourceDocument>();
        var degraded = false;
        var unhealthy = !storeHealth.Ok;
        foreach (var source in AllSnapshots())
        {
            var stale = source.Enabled && IsStale(source, now);
            var notReady = source.Enabled ? NotReadyReason(source, _options.HealthDetail) : null;
            degraded |= stale || (source.Enabled && source.ConsecutiveFailures > 0);
            unhealthy |= notReady is not null && source.LastAttempt is not null;
            sources.Add(new SourceDocument(PublicName(source.Name), source.Kind, source.Enabled, ActivityText(source.Activity),
                source.LastAttempt, source.LastSuccess, source.ConsecutiveFailures, ErrorText(source.LastError, source.LastFailureKind),
                source.LastFailureKind?.ToString().ToLowerInvariant(), source.Backlog, source.Cursor, source.LastPollMessages,
                source.ProcessedSinceStart, source.QuarantinedSinceStart,
                source.NominalInterval == TimeSpan.MaxValue ? 0 : source.NominalInterval.TotalSeconds, stale, notReady is null, notReady, source.NextPoll));
        }

        var sinks = state.Sinks.Select(s =>
        {
            var (lastPush, depth, error) = s.Snapshot();
            degraded |= error is not null;
            return new SinkDocument(s.Name, depth, lastPush, ErrorText(error, null));
        }).ToList();

        var status = unhealthy ? HealthStatus.Unhealthy : degraded ? HealthStatus.Degraded : HealthStatus.Healthy;
        return new StatusDocument(status.ToString(), identity.Version, identity.Commit, state.StartedAt, now,
            new StoreDocument(_options.HealthDetail ? store.Describe : store.Describe.Split(' ')[0], storeHealth.Ok, StoreText(storeHealth)), sources, sinks);
    }

    /// <summary>Stale: no success for longer than StaleAfterIntervals × the interval (counted from the start before the first success).</summary>
    private bool IsStale(SourceSnapshot source, DateTimeOffset now)
    {
        if (source.Activity == SourceActivity.Standby || source.NominalInterval == TimeSpan.MaxValue)
        {
            return false;
        }

        return SourceStaleness.IsStale(source.LastSuccess ?? state.StartedAt, source.NominalInterval, _options.StaleAfterIntervals, now);
    }

    /// <summary>
    /// The store's state as /healthz shows it: the full detail (path, host) only with Service:HealthDetail.
    /// </summary>
    private string StoreText(StoreHealth health) => _options.HealthDetail ? health.Detail : health.PublicSummary;

    /// <summary>
    /// An error as /healthz shows it: whole (secrets already masked) with Service:HealthDetail, else only what
    /// kind of failure it was. Error texts quote paths, mailbox user names and server answers; the log has them.
    /// </summary>
    private string? ErrorText(string? error, FailureKind? kind) => error is null || _options.HealthDetail ? error : KindText(kind);

    private static string KindText(FailureKind? kind) => kind switch
    {
        FailureKind.Authentication => "credentials refused (details in the service log)",
        FailureKind.Configuration => "configuration problem (details in the service log)",
        FailureKind.Store => "order book problem (details in the service log)",
        FailureKind.Transient => "temporarily unavailable (details in the service log)",
        _ => "failing (details in the service log)",
    };

    /// <summary>A source's name as /healthz and /metrics show it: a name that is a mail address is replaced by a stable pseudonym.</summary>
    private string PublicName(string name) => _options.HealthDetail ? name : FleetManager.Core.Diagnostics.FleetManagerMetrics.PublicSourceName(name);

    private static string? NotReadyReason(SourceSnapshot source, bool detail) => source switch
    {
        { Activity: SourceActivity.Standby } => null,
        { LastSuccess: not null } => null,
        { LastError: { } error } => "its first poll failed: " + (detail ? error : KindText(source.LastFailureKind)),
        { Activity: SourceActivity.Polling } => "its first poll is running",
        _ => "no poll has completed yet",
    };

    private IEnumerable<SourceSnapshot> AllSnapshots()
    {
        var known = state.Sources.ToDictionary(s => s.Name, s => s.Snapshot(), StringComparer.Ordinal);
        foreach (var source in catalog.Sources)
        {
            // A loop that has not created its state yet still shows up (as starting).
            yield return known.TryGetValue(source.Name, out var snapshot)
                ? snapshot
                : new SourceSnapshot(source.Name, source.Options.Kind, source.Options.Enabled, TimeSpan.Zero,
                    source.Options.Enabled ? SourceActivity.Starting : SourceActivity.Disabled, null, null, null, 0, null, null, 0, null, 0, 0, 0, null);
        }
    }

    private IEnumerable<SourceSnapshot> EnabledSnapshots() => AllSnapshots().Where(s => s.Enabled);

    private static string ActivityText(SourceActivity activity) => activity.ToString().ToLowerInvariant();
}
