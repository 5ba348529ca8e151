using System.Diagnostics.Metrics;
using FleetManager.Core.Diagnostics;

namespace FleetManager.Service;

/// <summary>
/// Counts the <c>fleetmanager.model.calls</c> and <c>fleetmanager.model.tokens</c> measurements of this process for the
/// dashboard's status page (the Prometheus exporter keeps its own totals). Created at start, so no call is missed.
/// </summary>
internal sealed class ModelCallTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _calls;
    private long _failed;
    private long _input;
    private long _output;

    public ModelCallTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FleetManagerMetrics.MeterName && instrument.Name is "fleetmanager.model.calls" or "fleetmanager.model.tokens")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public (long Calls, long Failed, long InputTokens, long OutputTokens) Totals =>
        (Interlocked.Read(ref _calls), Interlocked.Read(ref _failed), Interlocked.Read(ref _input), Interlocked.Read(ref _output));

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "fleetmanager.model.calls")
        {
            Interlocked.Add(ref _calls, value);
            foreach (var tag in tags)
            {
                if (tag.Key == "result" && !string.Equals(tag.Value as string, "success", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _failed, value);
                }
            }

            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == "direction")
            {
                if (string.Equals(tag.Value as string, "input", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _input, value);
                }
                else
                {
                    Interlocked.Add(ref _output, value);
                }
            }
        }
    }
}
