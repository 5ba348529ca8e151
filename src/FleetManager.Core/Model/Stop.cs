using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>One loading or unloading place of an order, in the spec's shape.</summary>
public sealed record Stop
{
    public StopType Type { get; init; }
    public string? Company { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
    public DateOnly? Date { get; init; }
    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? TimeFrom { get; init; }
    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? TimeTo { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}
