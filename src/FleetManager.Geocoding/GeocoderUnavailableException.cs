using FleetManager.Core.Errors;

namespace FleetManager.Geocoding;

/// <summary>The geocoding service cannot answer now (quota, rate limit, 5xx, network): the stop falls back to the gazetteer and is not cached.</summary>
public sealed class GeocoderUnavailableException(string provider, string message, Exception? innerException = null)
    : ServiceUnavailableException(message, "run again later to geocode with " + provider, null, innerException)
{
    /// <summary>The provider's name.</summary>
    public string Provider { get; } = provider;
}
