using System.Diagnostics.Metrics;
using FleetManager.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FleetManager.Tests.Diagnostics;

/// <summary>The poll duration is labelled seconds, so its histogram buckets must be seconds too.</summary>
public sealed class FleetManagerMetricsTests
{
    [Fact]
    public void PollDuration_Buckets_AreSecondsFromMillisecondsToMinutes()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Instrument? published = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Name == "fleetmanager.poll.duration")
                {
                    published = instrument;
                }
            },
        };
        listener.Start();

        _ = new FleetManagerMetrics(services.GetRequiredService<IMeterFactory>());

        var histogram = Assert.IsAssignableFrom<Histogram<double>>(published);
        Assert.Equal("s", histogram.Unit);
        var buckets = histogram.Advice?.HistogramBucketBoundaries;
        Assert.NotNull(buckets);
        // A typical poll (tens of milliseconds) must fall in a bucket below one second, not in [0, 5].
        Assert.Contains(buckets, b => b is > 0 and <= 0.05);
        Assert.InRange(buckets[^1], 60, 3600);
    }
}
