using FleetManager.Core.Errors;

namespace FleetManager.Storage.Retention;

/// <summary>The <c>Storage:RawMessageRetention</c> rule: which raw messages are old enough to purge.</summary>
public static class RawMessageRetention
{
    /// <summary>The instant before which raw messages are purged, or null when retention is off.</summary>
    /// <exception cref="ConfigurationException">The retention is zero or negative.</exception>
    public static DateTimeOffset? Cutoff(TimeSpan? retention, DateTimeOffset now)
    {
        if (retention is not { } keep)
        {
            return null;
        }

        if (keep <= TimeSpan.Zero)
        {
            throw new ConfigurationException(
                $"Storage:RawMessageRetention is {keep}, which would purge every raw message.",
                "Set Storage:RawMessageRetention to a positive number of days (e.g. 90, or 90.00:00:00), or remove it to keep raw messages.");
        }

        return now - keep;
    }
}
