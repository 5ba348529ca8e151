using FleetManager.Core.Errors;

namespace FleetManager.Google.Sheets;

/// <summary>
/// Google refused the request for a reason retrying cannot fix (unknown spreadsheet, no permission, a bad
/// tab name): the sink stops and the fix says what the user must change (exit 5).
/// Rows stay in the outbox, so nothing is lost once the fix is made.
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class SheetsRejectedException(int statusCode, string? reason, string message, string fix)
    : ConfigurationException(message + " " + fix, fix)
{
    /// <summary>The HTTP status (400, 401, 403, 404 ...).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Google's machine-readable reason or status (<c>PERMISSION_DENIED</c>, <c>NOT_FOUND</c>), when given.</summary>
    public string? Reason { get; } = reason;
}
