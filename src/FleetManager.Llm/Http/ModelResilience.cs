using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FleetManager.Llm.Http;

/// <summary>
/// The one resilience pipeline of the model clients: retries on 429 (except a spent daily quota),
/// 408, 5xx, connection failures and attempt timeouts, waiting what the server asks
/// (<see cref="RetryHints"/>) or else an exponential backoff with jitter; a per-attempt timeout.
/// A hint longer than <see cref="ModelReaderOptions.MaxRetryDelay"/> is not waited for: the reader
/// reports the service unavailable instead of holding the message. Each retry is one warning line
/// (<see cref="ModelRequestLog.Retrying"/>): with the defaults a verb can wait half a minute for a busy model.
/// </summary>
public static class ModelResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModelReaderOptions options, TimeProvider timeProvider, ILogger logger, string model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var retries = Math.Max(1, options.MaxRetries);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = retries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, options, timeProvider, args.Context.CancellationToken),
            DelayGenerator = async args => args.Outcome.Result is { } response
                ? await RetryHints.DelayAsync(response, timeProvider, args.Context.CancellationToken).ConfigureAwait(false)
                : null,
            OnRetry = args =>
            {
                ModelRequestLog.Retrying(logger, model, FailureOf(args.Outcome, options.AttemptTimeout), args.AttemptNumber + 1, retries, Duration(args.RetryDelay));
                return default;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>What went wrong with one attempt, in a few words for the retry line: a status code or the kind of failure, never a URL or a body.</summary>
    internal static string FailureOf(Outcome<HttpResponseMessage> outcome, TimeSpan attemptTimeout) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: Polly.Timeout.TimeoutRejectedException or TaskCanceledException } => $"no answer within {Duration(attemptTimeout)}",
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => "could not connect",
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } } => "host name not found",
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } } => "TLS connection failed",
        _ => "connection lost before the answer",
    };

    /// <summary>A delay as people read it: "850 ms", "4.2 s", "2 min".</summary>
    internal static string Duration(TimeSpan delay) => delay switch
    {
        { TotalSeconds: < 1 } => $"{delay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        { TotalSeconds: < 60 } => $"{delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        _ => $"{delay.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
    };

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
