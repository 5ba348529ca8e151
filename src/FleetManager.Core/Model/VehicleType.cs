using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>The spec's closed vocabulary of vehicle types.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VehicleType>))]
public enum VehicleType
{
    [JsonStringEnumMemberName("tautliner")] Tautliner,
    [JsonStringEnumMemberName("box")] Box,
    [JsonStringEnumMemberName("reefer")] Reefer,
    [JsonStringEnumMemberName("mega")] Mega,
    [JsonStringEnumMemberName("jumbo")] Jumbo,
    [JsonStringEnumMemberName("flatbed")] Flatbed,
    [JsonStringEnumMemberName("van")] Van,
    [JsonStringEnumMemberName("tanker")] Tanker,
    [JsonStringEnumMemberName("container")] Container,
    [JsonStringEnumMemberName("other")] Other,
}
