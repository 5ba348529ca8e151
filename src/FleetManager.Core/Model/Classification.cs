using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>What a message is, by the spec (order-format.md): order, invoice or other.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Classification>))]
public enum Classification
{
    [JsonStringEnumMemberName("order")] Order,
    [JsonStringEnumMemberName("invoice")] Invoice,
    [JsonStringEnumMemberName("other")] Other,
}
