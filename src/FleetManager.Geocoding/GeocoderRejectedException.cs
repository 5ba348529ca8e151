using FleetManager.Core.Errors;

namespace FleetManager.Geocoding;

/// <summary>
/// The geocoding service refuses the configuration (key rejected, API not enabled, billing off, an invalid
/// request, a User-Agent blocked by the usage policy): retrying cannot help, so the import stops before
/// the message is committed (it is read again after the fix) and the fix tells the user what to change (exit 5).
/// <see cref="Exception.Message"/> ends with the fix, as it always has (callers print it as one line).
/// </summary>
public sealed class GeocoderRejectedException(string provider, string status, string message, string fix)
    : ConfigurationException(message + " " + fix, fix)
{
    /// <summary>The provider's name.</summary>
    public string Provider { get; } = provider;

    /// <summary>The service's status (<c>REQUEST_DENIED</c>, <c>INVALID_REQUEST</c>, <c>HTTP 403</c>).</summary>
    public string Status { get; } = status;
}
