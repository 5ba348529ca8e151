namespace FleetManager.Dashboard.Hosting;

/// <summary>One mail source on the status page.</summary>
/// <param name="Name">The source's public name (a mailbox address is pseudonymised unless Service:HealthDetail).</param>
/// <param name="Kind">folder, mbox, gmail, imap.</param>
/// <param name="Enabled">False when configured but switched off.</param>
/// <param name="Activity">starting, polling, idle, standby (another instance holds the lease), stopped, disabled.</param>
/// <param name="LastAttempt">When the last poll started.</param>
/// <param name="LastSuccess">When a poll last succeeded.</param>
/// <param name="Lag">How long since the last success (or since start, before the first one).</param>
/// <param name="LeaseHolder">Who polls it: this instance (its holder id) or another instance.</param>
/// <param name="ConsecutiveFailures">Failed polls in a row.</param>
/// <param name="Error">The last failure, as /healthz shows it.</param>
/// <param name="Backlog">Messages seen but not yet committed.</param>
public sealed record SourceStatusView(
    string Name,
    string Kind,
    bool Enabled,
    string Activity,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    TimeSpan? Lag,
    string LeaseHolder,
    int ConsecutiveFailures,
    string? Error,
    int Backlog);
