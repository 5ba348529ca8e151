using System.Globalization;

namespace FleetManager.Dashboard.Pages;

/// <summary>Times and durations as the pages show them: UTC, to the minute or second, invariant.</summary>
public static class DashboardTime
{
    public static string Minute(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Second(DateTimeOffset? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>A duration in its largest sensible unit (45 s, 12 min, 3 h 5 min, 2 d 4 h).</summary>
    public static string Span(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalSeconds: < 90 } s => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, s.Value.TotalSeconds):0} s"),
        { TotalMinutes: < 90 } m => string.Create(CultureInfo.InvariantCulture, $"{m.Value.TotalMinutes:0} min"),
        { TotalHours: < 48 } h => string.Create(CultureInfo.InvariantCulture, $"{(int)h.Value.TotalHours} h {h.Value.Minutes} min"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalDays} d {d.Hours} h"),
    };
}
