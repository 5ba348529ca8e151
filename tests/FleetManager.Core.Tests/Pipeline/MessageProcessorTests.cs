using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

public sealed class MessageProcessorTests
{
    [Fact]
    public async Task ProcessSafelyAsync_MessageHangs_QuarantinedAfterTheTimeout()
    {
        using var release = new ManualResetEventSlim();
        var time = new FakeTimeProvider();
        var processor = new MessageProcessor(new SubjectParser(), new KeywordReader(release), null, time) { MessageTimeout = TimeSpan.FromSeconds(30) };

        // The time limit's timers are registered on the fake clock before ProcessSafelyAsync first yields, so the
        // clock can be moved at once; no sleep is needed to let them be created.
        var pending = processor.ProcessSafelyAsync(Message("a", "slow"), CancellationToken.None);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        release.Set();

        Assert.True(result.IsQuarantined);
        Assert.Contains("longer than 30 s", result.Result.Error);
    }

    [Fact]
    public async Task ProcessAsync_UnreadableMessage_QuarantinedWithItsHeaderId()
    {
        var processor = new MessageProcessor(new SubjectParser(), new KeywordReader(), null);

        var result = await processor.ProcessAsync(Message("x", "bad"), CancellationToken.None);

        Assert.True(result.IsQuarantined);
        Assert.Null(result.Result.Classification);
        Assert.Equal("<x@test>", result.Result.MessageId);
        Assert.Equal("mid:<x@test>", result.LedgerKey);
    }

    [Fact]
    public async Task ProcessAsync_WithGeocoder_FillsCoordinates()
    {
        var processor = new MessageProcessor(new SubjectParser(), new KeywordReader(), new FixedGeocoder());

        var result = await processor.ProcessAsync(Message("o", "order"), CancellationToken.None);

        var stop = Assert.Single(Assert.Single(result.Result.Orders).Stops);
        Assert.Equal(52.5, stop.Latitude);
        Assert.Equal(13.4, stop.Longitude);
    }

    [Fact]
    public void LedgerKeyOf_EmptyBytes_NamedBySource()
    {
        Assert.Equal("source:mem:empty", MessageProcessor.LedgerKeyOf(new RawMessage("mem:empty", ReadOnlyMemory<byte>.Empty)));
    }

    private sealed class FixedGeocoder : IGeocoder
    {
        public ValueTask<GeoPoint?> GeocodeAsync(Stop stop, CancellationToken cancellationToken) =>
            ValueTask.FromResult<GeoPoint?>(new GeoPoint(52.5, 13.4));
    }
}
