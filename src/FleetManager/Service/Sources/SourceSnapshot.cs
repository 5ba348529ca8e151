namespace FleetManager.Service.Sources;

/// <summary>A consistent copy of a <see cref="SourceState"/> at one instant.</summary>
internal sealed record SourceSnapshot(
    string Name,
    string Kind,
    bool Enabled,
    TimeSpan NominalInterval,
    SourceActivity Activity,
    DateTimeOffset? Heartbeat,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    int ConsecutiveFailures,
    string? LastError,
    FailureKind? LastFailureKind,
    int Backlog,
    string? Cursor,
    int LastPollMessages,
    long ProcessedSinceStart,
    long QuarantinedSinceStart,
    DateTimeOffset? NextPoll);
