using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FleetManager.Google.Gmail;

/// <summary>
/// Counts the Gmail quota units spent (Google's price list: getProfile 1, labels.list 1, history.list 2,
/// messages.list 5, messages.get 5, messages.modify 5, labels.create 5), per call made by FleetManager:
/// a poll with no new mail costs 2 (one history.list). Also published as the
/// <c>fleetmanager.gmail.quota_units</c> counter (meter <c>FleetManager.Gmail</c>).
/// </summary>
public sealed class GmailQuotaMeter : IDisposable
{
    public const string MeterName = "FleetManager.Gmail";

    private readonly Meter _meter;
    private readonly Counter<long> _counter;
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _units;

    public GmailQuotaMeter(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _counter = _meter.CreateCounter<long>("fleetmanager.gmail.quota_units", "{unit}", "Gmail API quota units spent");
    }

    /// <summary>Units spent since start (or the last <see cref="Reset"/>).</summary>
    public long Units => Interlocked.Read(ref _units);

    /// <summary>Units per method name (<c>history.list</c>, <c>messages.get</c> ...).</summary>
    public IReadOnlyDictionary<string, long> UnitsByMethod => new Dictionary<string, long>(_byMethod, StringComparer.Ordinal);

    public void Add(string method, int units)
    {
        Interlocked.Add(ref _units, units);
        _byMethod.AddOrUpdate(method, units, (_, total) => total + units);
        _counter.Add(units, new KeyValuePair<string, object?>("method", method));
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _units, 0);
        _byMethod.Clear();
    }

    public void Dispose() => _meter.Dispose();
}
