using FleetManager.Llm.Http;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Llm.Tests.Http;

public sealed class RequestRateLimiterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_ManyCallersAtOnce_NeverMoreThanTheRateInAnyMinute()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestRateLimiter(6, clock);
        var starts = new List<DateTimeOffset>();

        for (var second = 0; second < 300; second++)
        {
            // Bursts of callers at irregular moments.
            for (var i = 0; i < second % 7; i++)
            {
                starts.Add(limiter.Reserve());
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        foreach (var start in starts)
        {
            Assert.True(starts.Count(t => t >= start && t < start.AddMinutes(1)) <= 6, $"more than 6 starts in the minute from {start:HH:mm:ss}");
        }

        Assert.Equal(starts.Count, starts.Distinct().Count());
    }

    [Fact]
    public async Task AcquireAsync_SecondCaller_WaitsForThePeriodOnTheClock()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestRateLimiter(6, clock);

        using var first = await limiter.AcquireAsync(1);
        var second = limiter.AcquireAsync(1).AsTask();
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(10));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.IsAcquired);
        Assert.True(lease.IsAcquired);
        Assert.Equal(2, limiter.Statistics.TotalSuccessfulLeases);
    }

    [Fact]
    public void AttemptAcquire_TooSoon_FailsWithRetryAfter()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestRateLimiter(60, clock);

        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void Period_SpacesRequestsEvenly()
    {
        using var limiter = new RequestRateLimiter(15, new FakeTimeProvider());

        Assert.Equal(TimeSpan.FromSeconds(4), limiter.Period);
    }
}
