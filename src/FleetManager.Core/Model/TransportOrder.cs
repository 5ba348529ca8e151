using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>One transport order, exactly the spec's Order shape (order-format.md).</summary>
public sealed record TransportOrder
{
    public RequestType? RequestType { get; init; }
    public string? ReferenceNumber { get; init; }
    public string? Customer { get; init; }
    public IReadOnlyList<Stop> Stops { get; init; } = [];
    public string? CargoDescription { get; init; }
    public decimal? WeightKg { get; init; }
    public int? Pallets { get; init; }
    public decimal? LoadingMeters { get; init; }
    public VehicleType? VehicleType { get; init; }
    public bool? Adr { get; init; }
    public decimal? TemperatureMinC { get; init; }
    public decimal? TemperatureMaxC { get; init; }
    public Price? Price { get; init; }
    public string? SpecialRequirements { get; init; }
    public Contact? Contact { get; init; }

    /// <summary>
    /// Evidence: for each field name (spec names, stops as <c>stops[0].city</c>), where in the
    /// analysed text it was read. Not part of the interchange format, so never serialised there.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, TextSpan> Sources { get; init; } = new Dictionary<string, TextSpan>();

    /// <summary>
    /// How sure the reader is of this order and each field (the rules engine sets it; a model reader does
    /// not). An extension beside the spec fields: written as <c>x_confidence</c> when set, so it is kept in
    /// the order book's order JSON and shown by <c>extract</c>, and absent otherwise.
    /// </summary>
    [JsonPropertyName("x_confidence")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OrderConfidence? Confidence { get; init; }
}
