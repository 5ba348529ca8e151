using System.Collections.Concurrent;
using FleetManager.Service;
using FleetManager.Storage;
using FleetManager.Storage.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using FleetManager.Service.Store;

namespace FleetManager.Tests.Service.Store;

/// <summary>The service's daily purge of raw messages (<c>Storage:RawMessageRetention</c>), on a fake clock.</summary>
public sealed class RawMessageRetentionServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExecuteAsync_RetentionSet_PurgesAtStartAndThenOnceADay()
    {
        var time = new FakeTimeProvider(Start);
        var purger = new RecordingPurger();
        using var service = new RawMessageRetentionService(purger, Options(TimeSpan.FromDays(30)), time, NullLogger<RawMessageRetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await purger.WaitForAsync(1);
        // Let the service reach its wait for the next day on the fake clock before the clock moves.
        await Task.Delay(200);
        time.Advance(TimeSpan.FromHours(23));
        await Task.Delay(50);
        Assert.Single(purger.Cutoffs);
        time.Advance(TimeSpan.FromHours(1));
        await purger.WaitForAsync(2);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([Start.AddDays(-30), Start.AddDays(1).AddDays(-30)], purger.Cutoffs);
    }

    [Fact]
    public async Task ExecuteAsync_RetentionNotSet_NeverPurges()
    {
        var time = new FakeTimeProvider(Start);
        var purger = new RecordingPurger();
        using var service = new RawMessageRetentionService(purger, new OrderStoreOptions(), time, NullLogger<RawMessageRetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(3));
        await Task.Delay(50);
        await service.StopAsync(CancellationToken.None);

        Assert.Empty(purger.Cutoffs);
    }

    [Fact]
    public async Task PurgeOnce_StoreFails_LoggedAndTheServiceCarriesOn()
    {
        var purger = new RecordingPurger { Failure = new OrderBookUnavailableException("/data/fleetmanager.db", "the disk is full") };
        using var service = new RawMessageRetentionService(purger, Options(TimeSpan.FromDays(1)), new FakeTimeProvider(Start), NullLogger<RawMessageRetentionService>.Instance);

        Assert.Equal(0, await service.PurgeOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PurgeOnce_ZeroRetention_RefusedAsConfigurationNotPurgingEverything()
    {
        var purger = new RecordingPurger();
        using var service = new RawMessageRetentionService(purger, Options(TimeSpan.Zero), new FakeTimeProvider(Start), NullLogger<RawMessageRetentionService>.Instance);

        Assert.Equal(0, await service.PurgeOnceAsync(CancellationToken.None));
        Assert.Empty(purger.Cutoffs);
    }

    private static OrderStoreOptions Options(TimeSpan retention) => new() { RawMessageRetention = retention };

    private sealed class RecordingPurger : IRawMessagePurger
    {
        private readonly ConcurrentQueue<DateTimeOffset> _cutoffs = new();

        public Exception? Failure { get; init; }

        public List<DateTimeOffset> Cutoffs => [.. _cutoffs];

        public ValueTask<long> PurgeRawMessagesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            _cutoffs.Enqueue(processedBefore);
            return ValueTask.FromResult(7L);
        }

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (_cutoffs.Count < count)
            {
                await Task.Delay(5, timeout.Token);
            }
        }
    }
}
