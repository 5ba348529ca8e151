using FleetManager.Llm.Tests.Support;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Llm.Tests.Http;

/// <summary>The registered reader keeps to <c>Gemini:RequestsPerMinute</c>: asserted on the stand-in's arrivals on a fake clock.</summary>
public sealed class RateLimitedReaderTests
{
    [Fact]
    public async Task ReadAsync_ManyMessagesAtOnce_RequestsArriveOnePeriodApart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var gemini = new GeminiStandIn();
        var arrivals = new List<DateTimeOffset>();
        using var arrived = new SemaphoreSlim(0);
        gemini.Answer = _ =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.GetUtcNow());
            }

            arrived.Release();
            return ModelAnswer.Other;
        };
        await gemini.StartAsync();
        using var host = new ReaderHost("gemini", gemini.BaseAddress, new Dictionary<string, string?> { ["Gemini:RequestsPerMinute"] = "6" }, clock);

        var reads = Enumerable.Range(0, 4).Select(i => host.Gemini.ReadAsync(TestEmails.Order($"<m{i}@x>"), default).AsTask()).ToList();
        for (var i = 0; i < 4; i++)
        {
            // The clock moves only once the previous request has arrived: no request can slip in between.
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30)), $"request {i + 1} did not arrive");
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4, arrivals.Count);
        for (var i = 1; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - 1] >= TimeSpan.FromSeconds(10), $"requests {i} and {i + 1} were {(arrivals[i] - arrivals[i - 1]).TotalSeconds} s apart");
        }
    }
}
