using System.Globalization;
using System.Net;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Http;

namespace FleetManager.Llm;

/// <summary>
/// Sorts a failed model request by what the caller does next: a spent daily quota pauses the source
/// until the reset (<see cref="ModelQuotaExhaustedException"/>); a rejected key (<see cref="ReaderCredentialException"/>,
/// exit 6), an unknown model (<see cref="ReaderConfigurationException"/>, exit 5) or a service still failing
/// after the retries (<see cref="ReaderUnavailableException"/>, exit 7) stops the source and the message stays
/// out of the ledger; a request the API refuses for this message alone (too large,
/// malformed input) quarantines the message.
/// </summary>
public static class ModelHttpFailure
{
    public static async Task<Exception> FromResponseAsync(HttpResponseMessage response, string provider, string model, string keyHint, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var body = await ApiErrorBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var what = string.Create(CultureInfo.InvariantCulture, $"{status} {body.Status ?? response.ReasonPhrase}");
        var now = timeProvider.GetUtcNow();
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            if (body.IsDailyQuota)
            {
                var quota = body.QuotaIds.First(q => q.Contains("PerDay", StringComparison.OrdinalIgnoreCase));
                var reset = NextMidnightPacific(now);
                return new ModelQuotaExhaustedException($"{provider}: the daily quota {quota} for model {model} is spent; it resets at {reset:yyyy-MM-dd HH:mm zzz} (midnight Pacific)", reset, quota);
            }

            if (string.Equals(body.Status, "insufficient_quota", StringComparison.OrdinalIgnoreCase))
            {
                return new ReaderConfigurationException($"{provider}: the account has no quota left ({what})", "check the account's plan and billing, then run again");
            }

            var hint = body.RetryDelay ?? RetryHints.FromRetryAfter(response, timeProvider);
            return new ReaderUnavailableException($"{provider}: still rate limited after the retries ({what})", "lower RequestsPerMinute or run again later", hint is { } wait ? now + wait : null);
        }

        if (status == 401 || status == 403 || body.Reasons.Contains("API_KEY_INVALID"))
        {
            return new ReaderCredentialException($"{provider} rejected the API key ({what})", "check " + keyHint);
        }

        if (status == 404)
        {
            return new ReaderConfigurationException($"{provider}: model '{model}' was not found ({what})", $"set {provider}:Model to a current model id");
        }

        if (status == 400 && string.Equals(body.Status, "FAILED_PRECONDITION", StringComparison.Ordinal))
        {
            return new ReaderConfigurationException($"{provider} refused the request: {body.Message ?? what}", "check the project's region and billing");
        }

        if (status is 400 or 413 or 422)
        {
            return new MessageQuarantinedException($"{provider} rejected the request for this message ({what}): {body.Message}");
        }

        return new ReaderUnavailableException($"{provider} is unavailable after the retries ({what})", "run again later");
    }

    /// <summary>A transport failure that outlived the retries: the service is unreachable, not the message's fault.</summary>
    public static ReaderUnavailableException FromException(Exception exception, string provider) =>
        new($"{provider} could not be reached after the retries: {exception.GetType().Name}: {exception.Message}", "check the network and BaseUrl, then run again", innerException: exception);

    /// <summary>Daily quotas reset at midnight Pacific time (google-apis.md).</summary>
    public static DateTimeOffset NextMidnightPacific(DateTimeOffset now)
    {
        TimeZoneInfo pacific;
        try
        {
            pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            pacific = TimeZoneInfo.CreateCustomTimeZone("PST", TimeSpan.FromHours(-8), "PST", "PST");
        }

        var local = TimeZoneInfo.ConvertTime(now, pacific);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, pacific.GetUtcOffset(midnight));
    }
}
