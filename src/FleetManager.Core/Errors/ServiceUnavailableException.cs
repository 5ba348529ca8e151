namespace FleetManager.Core.Errors;

/// <summary>
/// A service is down, busy or out of quota. What was committed stays; the rest is read again when
/// the caller retries, at <see cref="RetryAfter"/> when the service said when.
/// </summary>
public class ServiceUnavailableException(string message, string fix, DateTimeOffset? retryAfter = null, Exception? innerException = null)
    : FleetManagerException(message, fix, innerException)
{
    public override ErrorCategory Category => ErrorCategory.Unavailable;

    /// <summary>When trying again can succeed (a quota reset, a Retry-After); null when unknown.</summary>
    public DateTimeOffset? RetryAfter { get; } = retryAfter;
}
