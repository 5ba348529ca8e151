using FleetManager.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Core.Tests.Http;

public sealed class RequestSpacingRateLimiterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_ManyCallersAtOnce_NeverMoreThanTheRateInAnyMinute()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = RequestSpacingRateLimiter.PerMinute(6, clock);
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
        using var limiter = RequestSpacingRateLimiter.PerMinute(6, clock);

        using var first = await limiter.AcquireAsync(1);
        var second = limiter.AcquireAsync(1).AsTask();
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(10));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.IsAcquired);
        Assert.True(lease.IsAcquired);
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public void AttemptAcquire_TooSoon_FailsWithRetryAfter()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = RequestSpacingRateLimiter.PerMinute(60, clock);

        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void PerMinute_FifteenRequests_SpacesStartsFourSecondsApart()
    {
        using var limiter = RequestSpacingRateLimiter.PerMinute(15, new FakeTimeProvider());

        Assert.Equal(TimeSpan.FromSeconds(4), limiter.Spacing);
    }

    [Fact]
    public async Task AcquireAsync_SecondCallWithinTheSpacing_WaitsUntilTheSpacingHasPassed()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestSpacingRateLimiter(TimeSpan.FromSeconds(1), clock);

        using var first = await limiter.AcquireAsync(1);
        var second = limiter.AcquireAsync(1).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var waitedEnough = second.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(waitedEnough);
        Assert.Equal([Noon, Noon.AddSeconds(1)], limiter.Granted);
    }

    [Fact]
    public async Task AcquireAsync_AfterAQuietPeriod_GrantsAtOnce()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestSpacingRateLimiter(TimeSpan.FromSeconds(1), clock);
        using var first = limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(5));
        var idle = limiter.IdleDuration;

        var next = limiter.AcquireAsync(1);
        var grantedAtOnce = next.IsCompleted;
        using var lease = await next;

        Assert.True(grantedAtOnce);
        Assert.True(lease.IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(4), idle);
        Assert.Null(limiter.IdleDuration);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndKeepsTheSlotSpent()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = new RequestSpacingRateLimiter(TimeSpan.FromSeconds(1), clock);
        using var first = await limiter.AcquireAsync(1);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }
}
