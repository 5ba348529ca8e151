using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FleetManager.Llm.Http;

/// <summary>
/// The one resilience pipeline of the model clients: retries on 429 (except a spent daily quota),
/// 408, 5xx, connection failures and attempt timeouts, waiting what the server asks
/// (<see cref="RetryHints"/>) or else an exponential backoff with jitter; a per-attempt timeout.
/// A hint longer than <see cref="ModelReaderOptions.MaxRetryDelay"/> is not waited for: the reader
/// reports the service unavailable instead of holding the message.
/// </summary>
public static class ModelResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModelReaderOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, options, timeProvider, args.Context.CancellationToken),
            DelayGenerator = async args => args.Outcome.Result is { } response
                ? await RetryHints.DelayAsync(response, timeProvider, args.Context.CancellationToken).ConfigureAwait(false)
                : null,
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ModelReaderOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var body = await ApiErrorBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (body.IsDailyQuota || string.Equals(body.Status, "insufficient_quota", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var hint = body.RetryDelay ?? RetryHints.FromRetryAfter(response, timeProvider);
            return hint is null || hint <= options.MaxRetryDelay;
        }

        return status is 408 or >= 500;
    }
}
