using System.Net;
using System.Text.Json;
using FleetManager.Google.Auth;
using Polly;
using Polly.Timeout;

namespace FleetManager.Google.Gmail;

/// <summary>
/// What the retry policy retries (Google's handle-errors guide): 408, 429, 5xx, Gmail's 403
/// <c>rateLimitExceeded</c>/<c>userRateLimitExceeded</c>, connection resets, truncated bodies and attempt
/// timeouts. Never another 4xx, and never a refused credential.
/// </summary>
internal static class GmailTransientFailures
{
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or IOException or TimeoutRejectedException
                && exception is not GoogleAuthorizationException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status is 408 or 429 or >= 500)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.Forbidden
            && await ReadReasonAsync(response).ConfigureAwait(false) is "rateLimitExceeded" or "userRateLimitExceeded" or "RATE_LIMIT_EXCEEDED";
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or a date), at most <paramref name="max"/>; null without one (then the backoff applies).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, max.Ticks)) : null;
    }

    /// <summary>The first <c>errors[].reason</c> or <c>details[].reason</c> of a Google error body (null if none or unreadable).</summary>
    public static async ValueTask<string?> ReadReasonAsync(HttpResponseMessage response)
    {
        try
        {
            // Bytes, not a stream: the retry and the circuit breaker both ask, and HttpContent hands out one stream only.
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var envelope = body.Length == 0 ? null : JsonSerializer.Deserialize(body, GmailJsonContext.Default.GoogleErrorEnvelope);
            return envelope?.Error?.Errors?.FirstOrDefault(e => e.Reason is not null)?.Reason
                ?? envelope?.Error?.Details?.FirstOrDefault(e => e.Reason is not null)?.Reason;
        }
        catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException or NotSupportedException or ObjectDisposedException)
        {
            return null;
        }
    }
}
