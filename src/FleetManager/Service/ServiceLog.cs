using Microsoft.Extensions.Logging;

namespace FleetManager.Service;

/// <summary>The service's log lines. Never a secret or a message body: sources, keys, counts, outcomes, redacted errors.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Message {SourceKey} from {Source}: {Outcome}")]
    public static partial void MessageCommitted(ILogger logger, string source, string sourceKey, string outcome);

    [LoggerMessage(EventId = 113, Level = LogLevel.Debug, Message = "Message {SourceKey} from {Source}: {Outcome}")]
    public static partial void MessageAlreadyCommitted(ILogger logger, string source, string sourceKey, string outcome);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Poll of {Source} done in {ElapsedMs} ms: {Messages} messages, {Orders} orders, {Quarantined} quarantined, {Skipped} already processed")]
    public static partial void PollSucceeded(ILogger logger, string source, long elapsedMs, int messages, int orders, int quarantined, int skipped);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Poll of {Source} failed ({Kind}, {Failures} in a row): {Error}")]
    public static partial void PollFailed(ILogger logger, string source, FailureKind kind, int failures, string error);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Source {Source} ({Kind}) starts: {Schedule}, reader {Reader}")]
    public static partial void SourceStarting(ILogger logger, string source, string kind, string schedule, string reader);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Source {Source}: another instance holds the lease; waiting to take over")]
    public static partial void LeaseHeldElsewhere(ILogger logger, string source);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Source {Source}: lease taken by {Holder}")]
    public static partial void LeaseTaken(ILogger logger, string source, string holder);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Source {Source}: lease lost while polling; finishing the batch in flight and stopping")]
    public static partial void LeaseLost(ILogger logger, string source);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Source {Source} stopped; lease released")]
    public static partial void SourceStopped(ILogger logger, string source);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Sink {Sink}: pushed {Count} outbox entries, {Depth} waiting")]
    public static partial void SinkPushed(ILogger logger, string sink, int count, long? depth);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "Sink {Sink}: push failed ({Kind}): {Error}")]
    public static partial void SinkFailed(ILogger logger, string sink, FailureKind kind, string error);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Sink {Sink}: the failed push could not be counted against its rows (the next failure counts again): {Error}")]
    public static partial void SinkFailureNotRecorded(ILogger logger, string sink, string error);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Stopping: no new messages are taken; the batch in flight is finished")]
    public static partial void Draining(ILogger logger);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "Source {Source}: next poll at {Next:o}")]
    public static partial void NextPoll(ILogger logger, string source, DateTimeOffset next);

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning, Message = "Source {Source}: the reader cannot work until {ResumeAt:o} (a spent daily quota); the source pauses until then")]
    public static partial void SourcePaused(ILogger logger, string source, DateTimeOffset resumeAt);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Raw message retention: purged {Count} raw messages processed before {Before:O} (ledger rows and orders kept)")]
    public static partial void RawMessagesPurged(ILogger logger, long count, DateTimeOffset before);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning, Message = "Raw message retention: the purge failed and runs again tomorrow: {Error}")]
    public static partial void RawMessagePurgeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 133, Level = LogLevel.Debug, Message = "Idle: memory released (gazetteer dropped: {Gazetteer}); managed heap {BeforeMiB} MiB -> {AfterMiB} MiB; {PagedOutMiB} MiB of file mappings paged out")]
    public static partial void MemoryReleased(ILogger logger, bool gazetteer, long beforeMiB, long afterMiB, long pagedOutMiB);

    [LoggerMessage(EventId = 134, Level = LogLevel.Debug, Message = "Idle: file mappings paged out again ({PagedOutMiB} MiB advised)")]
    public static partial void MappedFilesPagedOutAgain(ILogger logger, long pagedOutMiB);

    [LoggerMessage(EventId = 135, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void DashboardWithoutUsers(ILogger logger, string warning);
}
