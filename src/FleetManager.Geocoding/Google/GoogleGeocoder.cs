using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FleetManager.Geocoding.Google;

/// <summary>
/// Google Geocoding (legacy web service, google-apis.md §5) as a typed client. Status handling: OK → the
/// first result (<c>partial_match</c> halves the confidence); ZERO_RESULTS → no answer (cached);
/// OVER_QUERY_LIMIT → unavailable, and Google is left alone for <see cref="GoogleGeocodingOptions.QuotaCooldown"/>;
/// UNKNOWN_ERROR → retried, then unavailable; REQUEST_DENIED, OVER_DAILY_LIMIT, INVALID_REQUEST → rejected with a fix.
/// </summary>
public sealed class GoogleGeocoder(HttpClient http, IOptions<GoogleGeocodingOptions> options, TimeProvider timeProvider, ILogger<GoogleGeocoder>? logger = null)
    : IGeocodingProvider
{
    private readonly GoogleGeocodingOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<GoogleGeocoder>.Instance;
    private long _quietUntilTicks;

    public string Name => "google";

    public async ValueTask<GeoPoint?> LookupAsync(GeocodingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new GeocoderRejectedException(Name, "NO_KEY", "Google geocoding is selected but has no API key.", "Set GOOGLE_MAPS_API_KEY (Geocoding:Google:ApiKey), or choose Geocoding:Provider=offline or nominatim.");
        }

        if (timeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _quietUntilTicks))
        {
            throw new GeocoderUnavailableException(Name, "Google's geocoding quota was exhausted a moment ago.");
        }

        for (var attempt = 0; ; attempt++)
        {
            var response = await SendAsync(query, cancellationToken).ConfigureAwait(false);
            switch (response.Status)
            {
                case "OK":
                    return PointOf(response.Results?.FirstOrDefault());
                case "ZERO_RESULTS":
                    return null;
                case "OVER_QUERY_LIMIT":
                    var until = timeProvider.GetUtcNow() + _options.QuotaCooldown;
                    Interlocked.Exchange(ref _quietUntilTicks, until.UtcTicks);
                    GeocodingLog.QuotaExhausted(_logger, until);
                    throw new GeocoderUnavailableException(Name, "Google's geocoding quota is exhausted (OVER_QUERY_LIMIT).");
                case "UNKNOWN_ERROR" when attempt < _options.MaxRetryAttempts:
                    await Task.Delay(_options.RetryBaseDelay * Math.Pow(2, attempt), timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                case "UNKNOWN_ERROR":
                    throw new GeocoderUnavailableException(Name, "Google's geocoder failed (UNKNOWN_ERROR).");
                case "REQUEST_DENIED":
                    throw Rejected(response, "Check GOOGLE_MAPS_API_KEY (Geocoding:Google:ApiKey): the key must exist, allow the Geocoding API, and its Cloud project must have the Geocoding API enabled.");
                case "OVER_DAILY_LIMIT":
                    throw Rejected(response, "Enable billing for the API key's Cloud project, or raise its daily cap; the key may also be missing or invalid.");
                case "INVALID_REQUEST":
                    throw Rejected(response, "Check Geocoding:Google:BaseUrl and Geocoding:Google:Language; the request FleetManager sent was refused as malformed.");
                default:
                    throw new GeocoderUnavailableException(Name, "Google's geocoder answered an unknown status: " + (response.Status ?? "none") + ".");
            }
        }
    }

    private GeocoderRejectedException Rejected(GoogleGeocodeResponse response, string fix) =>
        new(Name, response.Status!, "Google geocoding refused the request (" + response.Status + (response.ErrorMessage is { Length: > 0 } m ? ": " + m : string.Empty) + ").", fix);

    private async Task<GoogleGeocodeResponse> SendAsync(GeocodingQuery query, CancellationToken cancellationToken)
    {
        var uri = new StringBuilder("maps/api/geocode/json?address=").Append(Uri.EscapeDataString(query.Text));
        if (query.CountryCode is { } country)
        {
            uri.Append("&components=").Append(Uri.EscapeDataString("country:" + country));
        }

        if (!string.IsNullOrWhiteSpace(_options.Language))
        {
            uri.Append("&language=").Append(Uri.EscapeDataString(_options.Language));
        }

        uri.Append("&key=").Append(Uri.EscapeDataString(_options.ApiKey!));
        try
        {
            using var response = await http.GetAsync(uri.ToString(), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                throw new GeocoderRejectedException(Name, "HTTP " + (int)response.StatusCode, "Google geocoding refused access.", "Check GOOGLE_MAPS_API_KEY (Geocoding:Google:ApiKey) and the key's API restrictions.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new GeocoderUnavailableException(Name, "Google's geocoder failed (HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + ").");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, GoogleGeocodingJsonContext.Default.GoogleGeocodeResponse, cancellationToken).ConfigureAwait(false)
                    ?? throw new GeocoderUnavailableException(Name, "Google's geocoder sent an empty answer.");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GeocoderUnavailableException(Name, "Google's geocoder did not answer (" + ex.GetType().Name + ").", ex);
        }
    }

    private static GeoPoint? PointOf(GoogleGeocodeResult? result)
    {
        if (result?.Geometry?.Location is not { } location)
        {
            return null;
        }

        var confidence = result.Geometry.LocationType switch
        {
            "ROOFTOP" => 1.0,
            "RANGE_INTERPOLATED" => 0.9,
            "GEOMETRIC_CENTER" => 0.8,
            _ => 0.7,
        };

        // An inexact match (misspelling, street not in the locality, several candidates) is kept, but trusted less.
        return new GeoPoint(location.Lat, location.Lng, result.PartialMatch ? confidence * 0.5 : confidence);
    }
}
