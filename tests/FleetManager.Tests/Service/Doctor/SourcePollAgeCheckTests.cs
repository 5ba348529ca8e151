using FleetManager.Service;
using FleetManager.Service.Doctor;
using Microsoft.Extensions.Configuration;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Doctor;

public sealed class SourcePollAgeCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static ConfiguredSource Source(TimeSpan interval, bool enabled = true, string? cron = null) => new(
        new SourceOptions { Name = "office", Kind = "folder", Interval = interval, Enabled = enabled, Cron = cron },
        new ConfigurationBuilder().Build().GetSection("Sources:0"));

    [Fact]
    public void Judge_PolledWithinThreeIntervals_PassesWithTheAge()
    {
        var result = SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(1)), new Dictionary<string, DateTimeOffset> { ["office"] = Now.AddSeconds(-150) }, 3, Now);

        Assert.Equal("ok", result.Status);
        Assert.Equal("poll office", result.Check);
        Assert.Contains("last successful poll 2 min ago (2026-12-06 11:57:30 UTC)", result.Detail, StringComparison.Ordinal);
        Assert.Contains("stale after 3 min", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OlderThanStaleAfterIntervals_FailsNamingTheSetting()
    {
        var result = SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(10)), new Dictionary<string, DateTimeOffset> { ["office"] = Now.AddHours(-2).AddMinutes(-5) }, 3, Now);

        Assert.Equal("fail", result.Status);
        Assert.Contains("2 h 5 min ago", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Service:StaleAfterIntervals", result.Detail, StringComparison.Ordinal);
        Assert.Contains("poll --once", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_StaleAfterIntervalsRaised_SameAgePasses()
    {
        var lastPoll = new Dictionary<string, DateTimeOffset> { ["office"] = Now.AddMinutes(-40) };

        Assert.Equal("fail", SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(10)), lastPoll, 3, Now).Status);
        Assert.Equal("ok", SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(10)), lastPoll, 5, Now).Status);
    }

    [Fact]
    public void Judge_CronSchedule_UsesThePeriodBetweenRuns()
    {
        // Hourly: stale after three hours, so two and a half hours is still fine.
        var result = SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(1), cron: "0 * * * *"), new Dictionary<string, DateTimeOffset> { ["office"] = Now.AddMinutes(-150) }, 3, Now);

        Assert.Equal("ok", result.Status);
        Assert.Contains("stale after 3 h 0 min", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NeverPolled_WarnsWithoutFailing()
    {
        var result = SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(1)), new Dictionary<string, DateTimeOffset>(), 3, Now);

        Assert.Equal("warn", result.Status);
        Assert.True(result.Ok);
    }

    [Fact]
    public void Judge_PausedSource_PassesWhateverItsAge()
    {
        var result = SourcePollAgeCheck.Judge(Source(TimeSpan.FromMinutes(1), enabled: false), new Dictionary<string, DateTimeOffset> { ["office"] = Now.AddDays(-9) }, 3, Now);

        Assert.Equal("ok", result.Status);
        Assert.Contains("paused", result.Detail, StringComparison.Ordinal);
    }
}
