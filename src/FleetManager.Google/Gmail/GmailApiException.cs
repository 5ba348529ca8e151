using System.Net;

namespace FleetManager.Google.Gmail;

/// <summary>
/// Gmail refused a request in a way retrying cannot fix (400, 401, 403 other than rate limits such as
/// <c>domainPolicy</c> or a missing scope): the poll stops; <see cref="Fix"/> says what to do.
/// </summary>
public sealed class GmailApiException(HttpStatusCode status, string? reason, string message, string fix)
    : Exception(message + " " + fix)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Google's <c>errors[].reason</c> or <c>details[].reason</c> (for example <c>insufficientPermissions</c>).</summary>
    public string? Reason { get; } = reason;

    public string Fix { get; } = fix;
}
