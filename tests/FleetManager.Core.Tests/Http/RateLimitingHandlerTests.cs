using System.Net;
using FleetManager.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Core.Tests.Http;

public sealed class RateLimitingHandlerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_ThreeRequestsAtOnce_ReportsEachPermitsSlotOneSpacingApart()
    {
        var clock = new FakeTimeProvider(Noon);
        using var limiter = RequestSpacingRateLimiter.PerMinute(60, clock);
        var slots = new List<DateTimeOffset>();
        using var handler = new RateLimitingHandler(limiter, clock, at => { lock (slots) { slots.Add(at); } }) { InnerHandler = new OkHandler() };
        using var client = new HttpClient(handler);

        var sends = Enumerable.Range(0, 3).Select(_ => client.GetAsync(new Uri("http://model.invalid/"))).ToList();
        for (var i = 0; i < 3 && !sends.TrueForAll(s => s.IsCompleted); i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50); // lets the woken caller run before the clock moves on
        }

        foreach (var response in await Task.WhenAll(sends))
        {
            response.Dispose();
        }

        // The slots the limiter gave, not the moments the callers happened to run.
        Assert.Equal([Noon, Noon.AddSeconds(1), Noon.AddSeconds(2)], slots.Order());
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
