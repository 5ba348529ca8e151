using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Model;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FleetManager.Geocoding.Nominatim;

/// <summary>
/// OpenStreetMap Nominatim <c>/search?format=jsonv2</c> as a typed client. The User-Agent, the one-request-per-second
/// limiter and the retries live in the HTTP handlers registered by
/// <see cref="GeocodingServiceCollectionExtensions.AddGeocoding"/>. An empty array is "not found"; 403 means the
/// server blocks this client (policy) and stops with a fix; 429 and 5xx are "try later".
/// </summary>
public sealed class NominatimGeocoder(HttpClient http, IOptions<NominatimOptions> options) : IGeocodingProvider
{
    private readonly NominatimOptions _options = options.Value;

    public string Name => "nominatim";

    public async ValueTask<GeoPoint?> LookupAsync(GeocodingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uri = new StringBuilder("search?q=").Append(Uri.EscapeDataString(query.Text)).Append("&format=jsonv2&limit=1");
        if (query.CountryCode is { } country)
        {
            uri.Append("&countrycodes=").Append(country.ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(_options.Email))
        {
            uri.Append("&email=").Append(Uri.EscapeDataString(_options.Email));
        }

        List<NominatimPlace>? places;
        try
        {
            using var response = await http.GetAsync(uri.ToString(), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Forbidden)
            {
                throw new GeocoderRejectedException(Name, "HTTP 403", "Nominatim refuses this client (usage policy).",
                    "Set Geocoding:Nominatim:UserAgent to name your installation and a contact; keep to 1 request/s, or run your own Nominatim and set Geocoding:Nominatim:BaseUrl.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new GeocoderUnavailableException(Name, "Nominatim failed (HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + ").");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                places = await JsonSerializer.DeserializeAsync(body, NominatimJsonContext.Default.ListNominatimPlace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GeocoderUnavailableException(Name, "Nominatim did not answer (" + ex.GetType().Name + ").", ex);
        }

        var place = places?.FirstOrDefault();
        if (place is null
            || !double.TryParse(place.Lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(place.Lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return null;
        }

        // place_rank: 26+ a street or a house, 13-25 a town or a suburb, lower a region.
        var confidence = place.PlaceRank switch
        {
            >= 26 => 0.9,
            >= 13 => 0.8,
            _ => 0.5,
        };
        return new GeoPoint(latitude, longitude, confidence);
    }
}
