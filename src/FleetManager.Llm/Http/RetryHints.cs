using System.Net;

namespace FleetManager.Llm.Http;

/// <summary>
/// Reads how long the server asks the client to wait: Google's <c>RetryInfo.retryDelay</c> in the
/// error body first (it is the more precise), then the <c>Retry-After</c> header (seconds or a date).
/// </summary>
public static class RetryHints
{
    public static async ValueTask<TimeSpan?> DelayAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            var body = await ApiErrorBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (body.RetryDelay is { } hinted)
            {
                return hinted;
            }
        }

        return FromRetryAfter(response, timeProvider);
    }

    public static TimeSpan? FromRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
