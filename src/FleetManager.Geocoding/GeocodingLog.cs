using Microsoft.Extensions.Logging;

namespace FleetManager.Geocoding;

/// <summary>Geocoding's log lines. Addresses are not logged at Information level (they come from customers' mail).</summary>
internal static partial class GeocodingLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Geocoding: {Provider} is unavailable ({Reason}); the offline gazetteer answers meanwhile")]
    public static partial void Unavailable(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Geocoding: {Provider} looked up a place ({Outcome})")]
    public static partial void LookedUp(ILogger logger, string provider, string outcome);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Geocoding: Google's quota is exhausted (OVER_QUERY_LIMIT); Google is not asked again before {Until:O}")]
    public static partial void QuotaExhausted(ILogger logger, DateTimeOffset until);
}
