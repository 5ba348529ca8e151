using System.Text.Json.Serialization;

namespace FleetManager.Geocoding.Nominatim;

/// <summary>One jsonv2 search result: <c>lat</c>/<c>lon</c> are strings; <c>place_rank</c> says how fine the match is (30 a house, 16 a city).</summary>
internal sealed record NominatimPlace(
    [property: JsonPropertyName("lat")] string? Lat,
    [property: JsonPropertyName("lon")] string? Lon,
    [property: JsonPropertyName("place_rank")] int? PlaceRank,
    [property: JsonPropertyName("display_name")] string? DisplayName);
