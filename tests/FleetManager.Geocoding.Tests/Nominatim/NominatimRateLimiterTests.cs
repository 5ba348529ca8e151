using FleetManager.Geocoding.Nominatim;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Geocoding.Tests.Nominatim;

public sealed class NominatimRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_SecondCallWithinInterval_WaitsUntilTheIntervalHasPassed()
    {
        var time = new FakeTimeProvider();
        using var limiter = new NominatimRateLimiter(TimeSpan.FromSeconds(1), time);

        await limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        var waitedEnough = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;

        Assert.False(waitedEnough);
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Schedule[1] - limiter.Schedule[0]);
    }

    [Fact]
    public async Task WaitAsync_AfterAQuietSecond_NoWait()
    {
        var time = new FakeTimeProvider();
        using var limiter = new NominatimRateLimiter(TimeSpan.FromSeconds(1), time);
        await limiter.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));

        var next = limiter.WaitAsync(CancellationToken.None);

        Assert.True(next.IsCompleted);
        await next;
    }
}
