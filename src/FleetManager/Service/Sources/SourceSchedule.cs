using Cronos;

namespace FleetManager.Service.Sources;

/// <summary>When a source polls next: every <see cref="SourceOptions.Interval"/>, or at the times of its cron expression (UTC).</summary>
internal sealed class SourceSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan _interval;

    private SourceSchedule(CronExpression? cron, TimeSpan interval)
    {
        _cron = cron;
        _interval = interval;
    }

    /// <summary>Parses the source's schedule; throws <see cref="CronFormatException"/> for a bad expression.</summary>
    public static SourceSchedule For(SourceOptions source)
    {
        if (string.IsNullOrWhiteSpace(source.Cron))
        {
            return new SourceSchedule(null, source.Interval);
        }

        var fields = source.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new SourceSchedule(CronExpression.Parse(source.Cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard), TimeSpan.Zero);
    }

    /// <summary>The next poll after one that started at <paramref name="lastStart"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset lastStart) =>
        _cron is null ? lastStart + _interval : _cron.GetNextOccurrence(lastStart, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;

    /// <summary>The usual time between polls (for a cron schedule: between its next two occurrences), for staleness.</summary>
    public TimeSpan NominalInterval(DateTimeOffset now)
    {
        if (_cron is null)
        {
            return _interval;
        }

        var first = _cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
        var second = first is null ? null : _cron.GetNextOccurrence(first.Value, TimeZoneInfo.Utc);
        return first is null || second is null ? TimeSpan.MaxValue : second.Value - first.Value;
    }
}
