using FleetManager.Core.Errors;

namespace FleetManager.Google.Sheets;

/// <summary>
/// Sheets did not answer usably (quota, 5xx, timeout, a dropped connection): retry later. When
/// <see cref="MayHaveTakenEffect"/> is true a write may have landed although the client saw a failure,
/// so the key column must be read back before writing again.
/// </summary>
public sealed class SheetsUnavailableException(string message, bool mayHaveTakenEffect, TimeSpan? retryAfter = null, Exception? innerException = null)
    : ServiceUnavailableException(message, "the rows stay in the outbox; run 'fleetmanager sync' again later", null, innerException)
{
    /// <summary>True when the failed request was a write that may nevertheless have been applied.</summary>
    public bool MayHaveTakenEffect { get; } = mayHaveTakenEffect;

    /// <summary>Google's <c>Retry-After</c> as a delay, when it sent one.</summary>
    public TimeSpan? RetryDelay { get; } = retryAfter;
}
