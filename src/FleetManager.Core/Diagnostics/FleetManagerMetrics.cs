using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FleetManager.Core.Diagnostics;

/// <summary>
/// The product's instruments on one <see cref="Meter"/> (<see cref="MeterName"/>), exported by the
/// service at <c>/metrics</c>. Pollers record messages, orders and poll durations; readers that call
/// a model (Gemini, OpenAI) record their calls and tokens through <see cref="RecordModelCall"/>.
/// </summary>
public sealed class FleetManagerMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "FleetManager";

    /// <summary>The poll-duration histogram's bucket boundaries, in seconds: from an empty poll (milliseconds) to a large batch (minutes).</summary>
    public static readonly IReadOnlyList<double> PollDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _messages;
    private readonly Counter<long> _orders;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _modelCalls;
    private readonly Counter<long> _modelTokens;
    private readonly ConcurrentDictionary<string, long> _outboxDepth = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _lastSuccess = new(StringComparer.Ordinal);

    public FleetManagerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("fleetmanager.messages", "{message}", "Messages committed, by source and outcome (processed, quarantined, already_committed).");
        _orders = meter.CreateCounter<long>("fleetmanager.orders", "{order}", "Orders extracted and stored, by source.");
        // Seconds, so the buckets are seconds too: the default boundaries (0, 5, 10 … 10000) suit milliseconds.
        _pollDuration = meter.CreateHistogram<double>("fleetmanager.poll.duration", "s", "How long one poll of a source took, by source and result.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PollDurationBuckets });
        _modelCalls = meter.CreateCounter<long>("fleetmanager.model.calls", "{call}", "Calls to a language model, by reader, model and result.");
        _modelTokens = meter.CreateCounter<long>("fleetmanager.model.tokens", "{token}", "Tokens used by language model calls, by reader, model and direction (input, output).");
        meter.CreateObservableGauge("fleetmanager.outbox.depth", () => _outboxDepth.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("sink", p.Key))), "{entry}", "Outbox entries waiting for each sink.");
        meter.CreateObservableGauge("fleetmanager.source.last_success", () => _lastSuccess.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("source", p.Key))), "s", "Unix time of each source's last successful poll.");
    }

    /// <summary>
    /// Label sources by their configured names even when a name is a mail address (default false: such a
    /// name becomes <see cref="PublicSourceName"/>'s pseudonym; <c>/metrics</c> has no authentication).
    /// </summary>
    public bool RevealSourceNames { get; init; }

    /// <summary>
    /// A source name fit for an unauthenticated endpoint: unchanged unless it contains '@' (a mailbox
    /// address), then <c>source-</c> and eight hex digits of its SHA-256, stable across restarts so dashboards keep working.
    /// </summary>
    public static string PublicSourceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Contains('@', StringComparison.Ordinal))
        {
            return name;
        }

        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), hash);
        return "source-" + Convert.ToHexStringLower(hash[..4]);
    }

    private string Label(string source) => RevealSourceNames ? source : PublicSourceName(source);

    /// <summary>One message committed (or found committed) with its outcome.</summary>
    public void RecordMessage(string source, string outcome) =>
        _messages.Add(1, new KeyValuePair<string, object?>("source", Label(source)), new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordOrders(string source, int count)
    {
        if (count > 0)
        {
            _orders.Add(count, new KeyValuePair<string, object?>("source", Label(source)));
        }
    }

    /// <summary>One poll ended; <paramref name="result"/> is <c>success</c> or the failure kind.</summary>
    public void RecordPoll(string source, TimeSpan duration, string result) =>
        _pollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("source", Label(source)), new KeyValuePair<string, object?>("result", result));

    /// <summary>One model call (<paramref name="result"/>: <c>success</c>, <c>error</c>, <c>refused</c>) and the tokens it used.</summary>
    public void RecordModelCall(string reader, string model, string result, long inputTokens, long outputTokens)
    {
        KeyValuePair<string, object?> readerTag = new("reader", reader), modelTag = new("model", model);
        _modelCalls.Add(1, readerTag, modelTag, new KeyValuePair<string, object?>("result", result));
        if (inputTokens > 0)
        {
            _modelTokens.Add(inputTokens, readerTag, modelTag, new KeyValuePair<string, object?>("direction", "input"));
        }

        if (outputTokens > 0)
        {
            _modelTokens.Add(outputTokens, readerTag, modelTag, new KeyValuePair<string, object?>("direction", "output"));
        }
    }

    public void SetOutboxDepth(string sink, long depth) => _outboxDepth[sink] = depth;

    public void SetLastSuccess(string source, DateTimeOffset at) => _lastSuccess[Label(source)] = at.ToUnixTimeMilliseconds() / 1000.0;
}
