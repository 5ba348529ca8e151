using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.Nominatim;

/// <summary>
/// Stand-in for OpenStreetMap Nominatim <c>GET /search?q=…&amp;format=jsonv2</c> (google-apis.md §5): a JSON array,
/// empty when nothing matches, <c>lat</c>/<c>lon</c> as strings. A place is found when <c>q</c> contains a
/// registered name. Following the usage policy, a request without a User-Agent, or with a stock library
/// agent, is refused with 403. Every request's headers (User-Agent) are in <see cref="StandInServer.Requests"/>.
/// </summary>
public sealed class NominatimStandIn : StandInServer
{
    private readonly ConcurrentDictionary<string, (double Lat, double Lon, int PlaceRank)> _places = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a place: any query containing <paramref name="name"/> resolves to it.</summary>
    public NominatimStandIn Add(string name, double lat, double lon, int placeRank = 16)
    {
        _places[name] = (lat, lon, placeRank);
        return this;
    }

    protected override void Map(WebApplication app) => app.MapGet("/search", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        if (agent.Length == 0 || agent.StartsWith("python-requests", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("Access blocked: see the usage policy (a User-Agent identifying the application is required).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var q = context.Request.Query["q"].ToString();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            if (_places.FirstOrDefault(p => q.Contains(p.Key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } place)
            {
                writer.WriteStartObject();
                writer.WriteNumber("place_id", 123456);
                writer.WriteString("licence", "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright");
                writer.WriteString("osm_type", "relation");
                writer.WriteNumber("osm_id", 987);
                writer.WriteString("lat", place.Value.Lat.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("lon", place.Value.Lon.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("category", "boundary");
                writer.WriteString("type", "administrative");
                writer.WriteNumber("place_rank", place.Value.PlaceRank);
                writer.WriteNumber("importance", 0.41);
                writer.WriteString("addresstype", "city");
                writer.WriteString("name", place.Key);
                writer.WriteString("display_name", place.Key);
                writer.WriteStartArray("boundingbox");
                writer.WriteStringValue("52.51");
                writer.WriteStringValue("52.52");
                writer.WriteStringValue("13.38");
                writer.WriteStringValue("13.39");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }
}
