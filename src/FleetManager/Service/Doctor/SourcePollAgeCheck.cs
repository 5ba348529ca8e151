using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using FleetManager.Storage;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Service.Doctor;

/// <summary>
/// Each configured source's last successful poll, from the store (<c>source_cursor.saved_at</c>: a poll saves its
/// cursor when it ends without a stop), judged by the rule <c>/healthz</c> uses: stale, and a failure, when older
/// than <c>Service:StaleAfterIntervals</c> of the source's interval. The successor of the original health
/// script's "last successful poll older than 2 h", on a server where the service (not this process) polls.
/// </summary>
internal sealed class SourcePollAgeCheck(SourceCatalog catalog, IOptions<ServiceOptions> service, IStoreProbe store, TimeProvider timeProvider) : IDoctorCheck
{
    /// <summary>After the store check: an unreachable or damaged store is reported there, not once per source here.</summary>
    public int Order => 250;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<ConfiguredSource> sources;
        int staleAfter;
        IReadOnlyDictionary<string, DateTimeOffset>? lastPolls;
        try
        {
            sources = catalog.Sources;
            staleAfter = service.Value.StaleAfterIntervals;
            lastPolls = await store.ReadLastPollTimesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or DbException or OrderBookUnavailableException or InvalidOperationException or ArgumentException or FormatException)
        {
            // The configuration and store checks name the problem and its fix; a per-source line would only repeat it.
            lastPolls = null;
            sources = [];
            staleAfter = 0;
        }

        var now = timeProvider.GetUtcNow();
        foreach (var source in sources)
        {
            yield return Judge(source, lastPolls!, staleAfter, now);
        }
    }

    internal static DoctorResult Judge(ConfiguredSource source, IReadOnlyDictionary<string, DateTimeOffset> lastPolls, int staleAfterIntervals, DateTimeOffset now)
    {
        var name = "poll " + source.Name;
        if (!source.Options.Enabled)
        {
            return DoctorResult.Pass(name, "paused (Enabled=false)");
        }

        if (!lastPolls.TryGetValue(source.Name, out var lastPoll))
        {
            return DoctorResult.Warn(name, "no successful poll recorded yet",
                $"start the service ('fleetmanager run') or run 'fleetmanager poll --once' and read its error for source '{source.Name}'");
        }

        var interval = SourceSchedule.For(source.Options).NominalInterval(now);
        var age = now - lastPoll;
        var when = string.Create(CultureInfo.InvariantCulture, $"last successful poll {Describe(age)} ago ({lastPoll.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)");
        if (SourceStaleness.Threshold(interval, staleAfterIntervals) is not { } threshold)
        {
            return DoctorResult.Pass(name, when + "; its schedule has no next run");
        }

        return age > threshold
            ? DoctorResult.Fail(name, $"{when}: stale, older than {staleAfterIntervals} × its interval of {Describe(interval)} (Service:StaleAfterIntervals)",
                $"check that the service runs and read its log for source '{source.Name}' ('fleetmanager poll --once' shows the error)")
            : DoctorResult.Pass(name, $"{when}; stale after {Describe(threshold)}");
    }

    /// <summary>An age for people: seconds, minutes, hours and minutes, or days and hours (never negative: clocks differ).</summary>
    internal static string Describe(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds} s")
            : age.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min")
            : age.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d {age.Hours} h");
    }
}
