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
    public static string Span(TimeSpan? span)
    {
        if (span is not { } value)
        {
            return "—";
        }

        var inv = CultureInfo.InvariantCulture;
        if (value.TotalSeconds < 90)
        {
            return string.Create(inv, $"{Math.Max(0, value.TotalSeconds):0} s");
        }

        if (value.TotalMinutes < 90)
        {
            return string.Create(inv, $"{value.TotalMinutes:0} min");
        }

        return value.TotalHours < 48
            ? string.Create(inv, $"{(int)value.TotalHours} h {value.Minutes} min")
            : string.Create(inv, $"{(int)value.TotalDays} d {value.Hours} h");
    }
}
