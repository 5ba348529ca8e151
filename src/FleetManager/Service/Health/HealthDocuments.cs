using System.Text.Json.Serialization;

namespace FleetManager.Service.Health;

/// <summary>The <c>/healthz</c> document.</summary>
internal sealed record StatusDocument(
    string Status,
    string Version,
    string? Commit,
    DateTimeOffset StartedAt,
    DateTimeOffset Now,
    StoreDocument? Store,
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<SinkDocument> Outbox);

/// <summary>The store's part of <c>/healthz</c> and <c>/healthz/ready</c>.</summary>
internal sealed record StoreDocument(string Store, bool Ok, string Detail);

/// <summary>One source in <c>/healthz</c>.</summary>
internal sealed record SourceDocument(
    string Name,
    string Kind,
    bool Enabled,
    string State,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    int ConsecutiveFailures,
    string? LastError,
    string? LastErrorKind,
    int Backlog,
    string? Cursor,
    int LastPollMessages,
    long ProcessedSinceStart,
    long QuarantinedSinceStart,
    double IntervalSeconds,
    bool Stale,
    bool Ready,
    string? NotReadyReason,
    DateTimeOffset? NextPoll);

/// <summary>One outbox sink in <c>/healthz</c>.</summary>
internal sealed record SinkDocument(string Sink, long? Depth, DateTimeOffset? LastPush, string? LastError);

/// <summary>The <c>/healthz/live</c> and <c>/healthz/ready</c> documents.</summary>
internal sealed record ProbeDocument(string Status, IReadOnlyList<string> Reasons);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ProbeDocument))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
