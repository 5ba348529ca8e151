using FleetManager.Core.Model;

namespace FleetManager.Core.Rules;

/// <summary>
/// Gives an extracted order its <see cref="OrderConfidence"/> from the evidence the readers recorded
/// (<see cref="TransportOrder.Sources"/>): a value whose text follows a label on its line is
/// <see cref="EvidenceKind.Label"/>, a value with a place in the text but no label is
/// <see cref="EvidenceKind.Structure"/>, a value with no recorded place is a <see cref="EvidenceKind.Guess"/>.
/// An order without a loading or an unloading place is low whatever else it has: it must never pass
/// as a complete order.
/// </summary>
public static class ConfidenceScorer
{
    /// <summary>The confidence of each kind of evidence.</summary>
    public static double Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Label => 0.95,
        EvidenceKind.Structure => 0.75,
        _ => 0.4,
    };

    /// <summary>Below this an order is <see cref="OrderConfidence.Low"/>.</summary>
    public const double LowThreshold = 0.6;

    /// <summary>Scores <paramref name="order"/>, read from <paramref name="text"/> (the analysed document text the sources point into).</summary>
    public static OrderConfidence Score(string text, TransportOrder order)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(order);
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(fields, text, order, "reference_number", order.ReferenceNumber is not null);
        Add(fields, text, order, "request_type", order.RequestType is not null);
        Add(fields, text, order, "weight_kg", order.WeightKg is not null);
        Add(fields, text, order, "pallets", order.Pallets is not null);
        Add(fields, text, order, "loading_meters", order.LoadingMeters is not null);
        Add(fields, text, order, "vehicle_type", order.VehicleType is not null);
        Add(fields, text, order, "adr", order.Adr is not null);
        Add(fields, text, order, "temperature_min_c", order.TemperatureMinC is not null);
        Add(fields, text, order, "temperature_max_c", order.TemperatureMaxC is not null);
        Add(fields, text, order, "price", order.Price is not null);
        for (var i = 0; i < order.Stops.Count; i++)
        {
            var stop = order.Stops[i];
            Add(fields, text, order, $"stops[{i}].city", stop.City is not null);
            Add(fields, text, order, $"stops[{i}].postal_code", stop.PostalCode is not null);
            Add(fields, text, order, $"stops[{i}].date", stop.Date is not null);
        }

        var loading = PlaceConfidence(fields, order, StopType.Loading);
        var unloading = PlaceConfidence(fields, order, StopType.Unloading);
        string? reason = null;
        if (loading is null)
        {
            reason = "no loading stop found";
        }
        else if (unloading is null)
        {
            reason = "no unloading stop found";
        }

        var score = reason is null ? Math.Min(loading!.Value, unloading!.Value) : 0.2;
        if (reason is null && score < LowThreshold)
        {
            reason = "stops found without a label or place structure";
        }

        return new OrderConfidence { Order = Math.Round(score, 2), Low = score < LowThreshold, Reason = reason, Fields = fields };
    }

    /// <summary>The confidence of the first stop of <paramref name="type"/> that names a place (its city or postcode), or null when none does.</summary>
    private static double? PlaceConfidence(Dictionary<string, double> fields, TransportOrder order, StopType type)
    {
        for (var i = 0; i < order.Stops.Count; i++)
        {
            var stop = order.Stops[i];
            if (stop.Type != type || (stop.City is null && stop.PostalCode is null))
            {
                continue;
            }

            var city = fields.GetValueOrDefault($"stops[{i}].city");
            var postal = fields.GetValueOrDefault($"stops[{i}].postal_code");
            return Math.Max(city, postal);
        }

        return null;
    }

    private static void Add(Dictionary<string, double> fields, string text, TransportOrder order, string field, bool hasValue)
    {
        if (hasValue)
        {
            fields[field] = Of(EvidenceOf(text, order, field));
        }
    }

    /// <summary>The evidence of one field: where its source lies, and whether a label leads up to it on its line.</summary>
    public static EvidenceKind EvidenceOf(string text, TransportOrder order, string field)
    {
        if (!order.Sources.TryGetValue(field, out var span) || span.Start < 0 || span.Start > text.Length)
        {
            return EvidenceKind.Guess;
        }

        var lineStart = span.Start == 0 ? 0 : text.LastIndexOf('\n', span.Start - 1) + 1;
        var before = text.AsSpan(lineStart, span.Start - lineStart);
        return before.IndexOfAny(':', '\t', '|') >= 0 || before.TrimEnd().EndsWith("=") ? EvidenceKind.Label : EvidenceKind.Structure;
    }
}
