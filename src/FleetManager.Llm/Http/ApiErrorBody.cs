using System.Globalization;
using System.Text.Json;

namespace FleetManager.Llm.Http;

/// <summary>
/// What an API error body says, read from either shape: Google's AIP-193
/// (<c>error.code/status/message/details[]</c> with <c>QuotaFailure</c>, <c>RetryInfo</c>, <c>ErrorInfo</c>)
/// and OpenAI's (<c>error.message/type/code</c>). Tolerant: a body that is not JSON gives an empty result.
/// </summary>
public sealed record ApiErrorBody
{
    public string? Message { get; init; }

    /// <summary>Google <c>status</c> (RESOURCE_EXHAUSTED) or OpenAI <c>type</c>/<c>code</c> (insufficient_quota).</summary>
    public string? Status { get; init; }

    /// <summary><c>ErrorInfo.reason</c> values (API_KEY_INVALID, RATE_LIMIT_EXCEEDED).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary><c>QuotaFailure.violations[].quotaId</c> (GenerateRequestsPerDayPerProjectPerModel-FreeTier).</summary>
    public IReadOnlyList<string> QuotaIds { get; init; } = [];

    /// <summary><c>RetryInfo.retryDelay</c> ("47s", "0.5s").</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>True when a per-day quota ran out: retrying today is useless.</summary>
    public bool IsDailyQuota => QuotaIds.Any(q => q.Contains("PerDay", StringComparison.OrdinalIgnoreCase));

    public static async Task<ApiErrorBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        // Buffered so the body can be read again (by the retry's predicate, then by the reader).
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    public static ApiErrorBody Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error))
            {
                return new ApiErrorBody();
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                // Ollama's native shape: {"error":"..."}.
                return new ApiErrorBody { Message = error.GetString() };
            }

            var reasons = new List<string>();
            var quotaIds = new List<string>();
            TimeSpan? retryDelay = null;
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (String(detail, "reason") is { } reason)
                    {
                        reasons.Add(reason);
                    }

                    if (detail.TryGetProperty("violations", out var violations) && violations.ValueKind == JsonValueKind.Array)
                    {
                        quotaIds.AddRange(violations.EnumerateArray().Select(v => String(v, "quotaId")).OfType<string>());
                    }

                    if (String(detail, "retryDelay") is { } delay && ParseDuration(delay) is { } parsed)
                    {
                        retryDelay = parsed;
                    }
                }
            }

            return new ApiErrorBody
            {
                Message = String(error, "message"),
                Status = String(error, "status") ?? String(error, "code") ?? String(error, "type"),
                Reasons = reasons,
                QuotaIds = quotaIds,
                RetryDelay = retryDelay,
            };
        }
        catch (JsonException)
        {
            return new ApiErrorBody();
        }
    }

    /// <summary>A protobuf JSON duration: "47s", "0.250s".</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('s') && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
