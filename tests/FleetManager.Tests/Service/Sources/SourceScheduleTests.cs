using FleetManager.Service;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Sources;

public sealed class SourceScheduleTests
{
    private static readonly DateTimeOffset Monday0800 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_Interval_IsLastStartPlusInterval()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "s", Interval = TimeSpan.FromMinutes(5) });
        Assert.Equal(Monday0800.AddMinutes(5), schedule.Next(Monday0800));
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.NominalInterval(Monday0800));
    }

    [Fact]
    public void Next_CronEveryQuarterHour_IsNextOccurrenceInUtc()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "s", Cron = "*/15 * * * *" });
        Assert.Equal(Monday0800.AddMinutes(15), schedule.Next(Monday0800));
        Assert.Equal(TimeSpan.FromMinutes(15), schedule.NominalInterval(Monday0800));
    }

    [Fact]
    public void Next_CronWithSeconds_SixFieldsAccepted()
    {
        var schedule = SourceSchedule.For(new SourceOptions { Name = "s", Cron = "*/30 * * * * *" });
        Assert.Equal(Monday0800.AddSeconds(30), schedule.Next(Monday0800));
    }
}
