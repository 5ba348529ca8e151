using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>Whether a stop loads or unloads goods.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopType>))]
public enum StopType
{
    [JsonStringEnumMemberName("loading")] Loading,
    [JsonStringEnumMemberName("unloading")] Unloading,
}
