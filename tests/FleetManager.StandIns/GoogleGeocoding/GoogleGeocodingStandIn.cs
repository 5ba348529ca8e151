using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.GoogleGeocoding;

/// <summary>
/// Stand-in for Google's legacy Geocoding web service <c>GET /maps/api/geocode/json</c> (google-apis.md §5):
/// a place is found when the <c>address</c> parameter contains a registered name (case-insensitive);
/// otherwise ZERO_RESULTS. A wrong or missing key answers REQUEST_DENIED, a missing address INVALID_REQUEST,
/// and <see cref="EnqueueStatus"/> makes the next answers OVER_QUERY_LIMIT, UNKNOWN_ERROR ... (all with HTTP 200,
/// as the service does). HTTP-level faults come from <see cref="StandInServer.Faults"/>.
/// </summary>
public sealed class GoogleGeocodingStandIn(string apiKey = GoogleGeocodingStandIn.DefaultApiKey) : StandInServer
{
    public const string DefaultApiKey = "stand-in-maps-key";

    private readonly ConcurrentDictionary<string, (double Lat, double Lng, bool Partial, string LocationType)> _places = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _statuses = new();

    /// <summary>Registers a place: any address containing <paramref name="name"/> resolves to it.</summary>
    public GoogleGeocodingStandIn Add(string name, double lat, double lng, bool partialMatch = false, string locationType = "APPROXIMATE")
    {
        _places[name] = (lat, lng, partialMatch, locationType);
        return this;
    }

    /// <summary>The next requests are answered with these statuses (OVER_QUERY_LIMIT, UNKNOWN_ERROR, REQUEST_DENIED ...).</summary>
    public void EnqueueStatus(params string[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    protected override void Map(WebApplication app) => app.MapGet("/maps/api/geocode/json", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var address = context.Request.Query["address"].ToString();
        var key = context.Request.Query["key"].ToString();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (key != apiKey)
            {
                Status(writer, "REQUEST_DENIED", "The provided API key is invalid.");
            }
            else if (_statuses.TryDequeue(out var status))
            {
                Status(writer, status, status == "OVER_QUERY_LIMIT" ? "You have exceeded your rate-limit for this API." : "stand-in status " + status);
            }
            else if (address.Length == 0)
            {
                Status(writer, "INVALID_REQUEST", "Invalid request. Missing the 'address', 'components', 'latlng' or 'place_id' parameter.");
            }
            else if (_places.FirstOrDefault(p => address.Contains(p.Key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } place)
            {
                writer.WriteStartArray("results");
                writer.WriteStartObject();
                writer.WriteString("formatted_address", place.Key);
                writer.WriteString("place_id", "stand-in-" + place.Key);
                writer.WriteStartArray("types");
                writer.WriteStringValue("locality");
                writer.WriteEndArray();
                writer.WriteStartObject("geometry");
                writer.WriteStartObject("location");
                writer.WriteNumber("lat", place.Value.Lat);
                writer.WriteNumber("lng", place.Value.Lng);
                writer.WriteEndObject();
                writer.WriteString("location_type", place.Value.LocationType);
                writer.WriteEndObject();
                if (place.Value.Partial)
                {
                    writer.WriteBoolean("partial_match", true);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteString("status", "OK");
            }
            else
            {
                writer.WriteStartArray("results");
                writer.WriteEndArray();
                writer.WriteString("status", "ZERO_RESULTS");
            }

            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    private static void Status(Utf8JsonWriter writer, string status, string message)
    {
        writer.WriteString("error_message", message);
        writer.WriteStartArray("results");
        writer.WriteEndArray();
        writer.WriteString("status", status);
    }
}
