namespace FleetManager.Service.Sources;

/// <summary>
/// What one source's poll loop last did, kept in memory for <c>/healthz</c> (which must not call mail
/// servers or the database). Written by the loop, read by the endpoints: guarded by one lock.
/// </summary>
internal sealed class SourceState(string name, string kind, bool enabled)
{
    private readonly Lock _gate = new();

    public string Name { get; } = name;
    public string Kind { get; } = kind;
    public bool Enabled { get; } = enabled;
    public TimeSpan NominalInterval { get; set; }

    public SourceActivity Activity { get; private set; } = SourceActivity.Starting;
    public DateTimeOffset? Heartbeat { get; private set; }
    public DateTimeOffset? LastAttempt { get; private set; }
    public DateTimeOffset? LastSuccess { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public string? LastError { get; private set; }
    public FailureKind? LastFailureKind { get; private set; }
    public int Backlog { get; private set; }
    public string? Cursor { get; private set; }
    public int LastPollMessages { get; private set; }
    public long ProcessedSinceStart { get; private set; }
    public long QuarantinedSinceStart { get; private set; }

    /// <summary>When the loop polls next: its schedule, or later when the reader is paused (a spent daily quota).</summary>
    public DateTimeOffset? NextPoll { get; private set; }

    /// <summary>One message committed by this process (already committed ones are not counted).</summary>
    public void Count(FleetManager.Core.Pipeline.MailboxOutcome outcome)
    {
        lock (_gate)
        {
            if (outcome == FleetManager.Core.Pipeline.MailboxOutcome.Processed)
            {
                ProcessedSinceStart++;
            }
            else if (outcome == FleetManager.Core.Pipeline.MailboxOutcome.Quarantined)
            {
                QuarantinedSinceStart++;
            }
        }
    }

    public SourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SourceSnapshot(Name, Kind, Enabled, NominalInterval, Activity, Heartbeat, LastAttempt, LastSuccess,
                ConsecutiveFailures, LastError, LastFailureKind, Backlog, Cursor, LastPollMessages, ProcessedSinceStart, QuarantinedSinceStart, NextPoll);
        }
    }

    public void Scheduled(DateTimeOffset due)
    {
        lock (_gate)
        {
            NextPoll = due;
        }
    }

    public void Beat(DateTimeOffset now, SourceActivity activity)
    {
        lock (_gate)
        {
            Heartbeat = now;
            Activity = activity;
        }
    }

    public void BeginAttempt(DateTimeOffset now)
    {
        lock (_gate)
        {
            Heartbeat = now;
            LastAttempt = now;
            Activity = SourceActivity.Polling;
            Backlog = 0;
        }
    }

    public void Progress(DateTimeOffset now, int read, int committed)
    {
        lock (_gate)
        {
            Heartbeat = now;
            Backlog = Math.Max(0, read - committed);
        }
    }

    public void Succeeded(DateTimeOffset now, int messages, string? cursor)
    {
        lock (_gate)
        {
            Heartbeat = now;
            LastSuccess = now;
            ConsecutiveFailures = 0;
            LastError = null;
            LastFailureKind = null;
            LastPollMessages = messages;
            Backlog = 0;
            Cursor = cursor;
            Activity = SourceActivity.Idle;
        }
    }

    public void Failed(DateTimeOffset now, FailureKind kind, string error)
    {
        lock (_gate)
        {
            Heartbeat = now;
            ConsecutiveFailures++;
            LastError = error;
            LastFailureKind = kind;
            Backlog = 0;
            Activity = SourceActivity.Failing;
        }
    }
}
