using System.Net;
using FleetManager.Core.Errors;

namespace FleetManager.Google.Gmail;

/// <summary>
/// Gmail refused a request in a way retrying cannot fix (400, 401, 403 other than rate limits such as
/// <c>domainPolicy</c> or a missing scope): the poll stops and the fix says what to do. Most such
/// refusals are about what the authorization allows, so this is a credential failure (exit 6).
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class GmailApiException(HttpStatusCode status, string? reason, string message, string fix)
    : CredentialException(message + " " + fix, fix)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Google's <c>errors[].reason</c> or <c>details[].reason</c> (for example <c>insufficientPermissions</c>).</summary>
    public string? Reason { get; } = reason;
}
