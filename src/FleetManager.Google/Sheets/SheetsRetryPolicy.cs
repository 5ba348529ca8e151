using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FleetManager.Google.Sheets;

/// <summary>
/// Which failures the HTTP handler may retry by itself. A read is safe to repeat; a write is repeated only
/// after HTTP 429, which certainly had no effect. Any other failed write (timeout, 5xx, a reset) may have
/// landed, so it goes back to <see cref="SheetsOutboxPusher"/>, which reads the key column before sending again.
/// </summary>
internal static class SheetsRetryPolicy
{
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
        || (method == HttpMethod.Get && HttpClientResiliencePredicates.IsTransient(outcome));
}
