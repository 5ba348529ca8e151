namespace FleetManager.Core.Pipeline;

/// <summary>
/// A model's daily request quota is spent (Gemini: a 429 whose quota id contains <c>PerDay</c>). It
/// will not clear by retrying; the source pauses until <see cref="ResumeAt"/> (midnight Pacific for
/// Gemini) instead of failing every remaining message.
/// </summary>
public sealed class ModelQuotaExhaustedException(string message, DateTimeOffset resumeAt, string? quotaId = null, Exception? innerException = null)
    : ReaderUnavailableException(message, "wait for the daily quota reset, then run again (messages not read are not in the ledger)", resumeAt, innerException)
{
    /// <summary>The quota that ran out, as the API names it (<c>GenerateRequestsPerDayPerProjectPerModel-FreeTier</c>).</summary>
    public string? QuotaId { get; } = quotaId;

    /// <summary>When the quota resets.</summary>
    public DateTimeOffset ResumeAt => RetryAfter!.Value;
}
