using FleetManager.Google.Tests.Support;
using FleetManager.StandIns;
using FleetManager.StandIns.Gmail;

namespace FleetManager.Google.Tests.Gmail;

/// <summary>Transient Gmail failures are retried inside each call; every message still ends up stored and labelled exactly once.</summary>
public sealed class GmailResilienceTests
{
    [Fact]
    public async Task PollAsync_429With503ResetTruncationAndRateLimit_StoresEveryMessageOnce()
    {
        await using var host = await GmailTestHost.StartAsync();
        var ids = host.Deliver(1, 4);
        host.Gmail.Faults.Enqueue(
            GmailStandIn.TooManyRequests,   // profile: 429 with Retry-After: 1
            GmailStandIn.BackendError,      // profile again: 503
            new Fault.Reset(),              // profile again: connection reset
            new Fault.Truncate(),           // profile succeeds server-side, body cut short
            GmailStandIn.UserRateLimitExceeded); // Gmail's 403 rate limit

        var summary = await host.PollAsync();

        Assert.Equal(4, summary.MessagesRead);
        Assert.Equal(4, host.Book.Ledger.Count);
        Assert.All(host.Book.CommitCounts.Values, n => Assert.Equal(1, n));
        Assert.All(ids, id => Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id)));
        Assert.Equal(6, host.Gmail.CountCalls("GET", "profile")); // five failed attempts, then the answer
    }

    [Fact]
    public async Task PollAsync_RandomTransientFaultsOnEveryCall_StoresAndLabelsEveryMessageOnce()
    {
        await using var host = await GmailTestHost.StartAsync();
        var ids = host.Deliver(1, 12);
        host.Gmail.Faults.FailRandomly(0.25, random => random.Next(4) switch
        {
            0 => GmailStandIn.BackendError,
            1 => new Fault.Reset(),
            2 => new Fault.Truncate(),
            _ => new Fault.ResetAfterEffect(),
        }, seed: 7);

        await host.PollAsync();
        host.Deliver(13, 6);
        await host.PollAsync();

        Assert.Equal(18, host.Book.Ledger.Count);
        Assert.All(host.Book.CommitCounts.Values, n => Assert.Equal(1, n));
        Assert.All(ids, id => Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id)));
        Assert.Contains(host.Gmail.Requests, r => r.FaultStatus == 503);
    }

    [Fact]
    public async Task PollAsync_ThirtyPercentOfTwoHundredAttemptsFailing_CircuitStaysClosedAndTheFullSyncFinishes()
    {
        // A first full sync stores its cursor only at its end: a breaker that opened at the library's
        // 10 % (after 100 attempts) would stop every such run before the end, for ever.
        await using var host = await GmailTestHost.StartAsync();
        var ids = host.Deliver(1, 150);
        host.Gmail.Faults.FailRandomly(0.30, random => random.Next(3) switch
        {
            0 => GmailStandIn.BackendError,
            1 => new Fault.Reset(),
            _ => new Fault.ResetAfterEffect(),
        }, seed: 11);

        var summary = await host.PollAsync();

        Assert.True(host.Gmail.Requests.Count > 200, $"{host.Gmail.Requests.Count} attempts");
        Assert.Equal(150, summary.MessagesRead);
        Assert.All(ids, id => Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id)));
        Assert.NotNull(host.Cursors.GetCursor("gmail:me"));
    }

    [Fact]
    public async Task PollAsync_RetryAfterLongerThanMaxRetryDelay_WaitsOnlyMaxRetryDelay()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Settings["Gmail:MaxRetryDelay"] = "00:00:00.050";
        host.Deliver(1, 1);
        host.Gmail.Faults.Enqueue(new Fault.Status(429, """{"error":{"code":429,"message":"Too many concurrent requests for user"}}""",
            new Dictionary<string, string> { ["Retry-After"] = "30" }));

        var summary = await host.PollAsync();

        Assert.Equal(1, summary.MessagesRead);
        var profile = host.Gmail.Requests.Where(r => r.PathAndQuery.EndsWith("/profile", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, profile.Count);
        Assert.True(profile[1].At - profile[0].At < TimeSpan.FromSeconds(30), "the 30 s Retry-After was waited in full");
    }

    [Fact]
    public async Task PollAsync_BadRequest_IsNotRetriedAndStopsWithGmailApiException()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 1);
        host.Gmail.Faults.Enqueue(new Fault.Status(400,
            """{"error":{"code":400,"message":"Invalid query","errors":[{"domain":"global","reason":"invalidArgument","message":"Invalid query"}]}}"""));

        var exception = await Assert.ThrowsAsync<FleetManager.Google.Gmail.GmailApiException>(() => host.PollAsync());

        Assert.Equal("invalidArgument", exception.Reason);
        Assert.Single(host.Gmail.Requests);
    }
}
