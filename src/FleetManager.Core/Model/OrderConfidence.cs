using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>
/// How sure the reader is of an order and of each of its fields, from the evidence that produced them
/// (<see cref="EvidenceKind"/>). Not part of the interchange format: <c>extract</c> writes it beside the
/// spec fields as the extension <c>x_confidence</c>, and the order book keeps it inside the order's JSON.
/// </summary>
public sealed record OrderConfidence
{
    /// <summary>The order as a whole, 0–1: the weakest of its required parts (a loading and an unloading place).</summary>
    [JsonPropertyName("order")]
    public double Order { get; init; }

    /// <summary>True when the order falls below the review threshold: it should be checked by a person or a model.</summary>
    [JsonPropertyName("low")]
    public bool Low { get; init; }

    /// <summary>Why the order is low, when it is ("no loading stop found").</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>Each extracted field (spec names; stops as <c>stops[0].city</c>) with its confidence, 0–1.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyDictionary<string, double> Fields { get; init; } = new Dictionary<string, double>();
}
