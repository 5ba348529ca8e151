using System.Collections.Concurrent;
using FleetManager.Service.Outbox;
using FleetManager.Service.Sources;

namespace FleetManager.Service;

/// <summary>Everything the health endpoints report, in memory: per-source and per-sink state and when the process started.</summary>
internal sealed class ServiceState(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, SourceState> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SinkState> _sinks = new(StringComparer.Ordinal);

    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();

    public SourceState Source(string name, string kind, bool enabled) => _sources.GetOrAdd(name, _ => new SourceState(name, kind, enabled));

    public SinkState Sink(string name) => _sinks.GetOrAdd(name, n => new SinkState(n));

    public IReadOnlyList<SourceState> Sources => _sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SinkState> Sinks => _sinks.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
}
