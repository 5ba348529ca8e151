using System.Net;
using System.Text;
using FleetManager.Llm.Http;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Llm.Tests.Http;

public sealed class RetryHintsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DelayAsync_RetryInfoInTheBody_WinsOverRetryAfter()
    {
        using var response = Response("""{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"47s"}]}}""");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(47), await RetryHints.DelayAsync(response, Clock, default));
    }

    [Fact]
    public async Task DelayAsync_OnlyRetryAfterSeconds_UsesIt()
    {
        using var response = Response("""{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(20), await RetryHints.DelayAsync(response, Clock, default));
    }

    [Fact]
    public async Task DelayAsync_RetryAfterDate_WaitsUntilThen()
    {
        using var response = Response("not json");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Clock.GetUtcNow().AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), await RetryHints.DelayAsync(response, Clock, default));
    }

    [Fact]
    public async Task DelayAsync_NoHint_LeavesTheBackoffToThePipeline()
    {
        using var response = Response("{}");

        Assert.Null(await RetryHints.DelayAsync(response, Clock, default));
    }

    [Theory]
    [InlineData("47s", 47_000)]
    [InlineData("0.250s", 250)]
    [InlineData("47", -1)]
    public void ParseDuration_ProtobufDurations(string text, int expectedMs)
    {
        var parsed = ApiErrorBody.ParseDuration(text);

        Assert.Equal(expectedMs < 0 ? null : TimeSpan.FromMilliseconds(expectedMs), parsed);
    }

    [Fact]
    public void Parse_DailyQuotaViolation_IsDailyQuota()
    {
        var body = ApiErrorBody.Parse("""{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]}]}}""");

        Assert.True(body.IsDailyQuota);
        Assert.Equal("RESOURCE_EXHAUSTED", body.Status);
    }

    private static HttpResponseMessage Response(string body) =>
        new(HttpStatusCode.TooManyRequests) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
