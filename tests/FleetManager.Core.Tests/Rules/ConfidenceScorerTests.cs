using FleetManager.Core.Model;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class ConfidenceScorerTests
{
    private static TransportOrder Read(string subject, string body)
        => Assert.Single(new RulesOrderReader().Read(RulesTestMessages.Email(subject, body)).Orders);

    [Fact]
    public void Score_LabelledStops_IsHighWithLabelEvidence()
    {
        var order = Read("Transportauftrag 55-1234", """
            Beladestelle: Muster GmbH, Industriestraße 1, 80331 München
            Ladetermin: 03.12.2026
            Entladestelle: Wzór Sp. z o.o., ul. Polna 2, 00-001 Warszawa
            Gewicht: 18.000 kg
            """);

        var confidence = Assert.IsType<OrderConfidence>(order.Confidence);
        Assert.False(confidence.Low);
        Assert.True(confidence.Order >= 0.9);
        Assert.Equal(ConfidenceScorer.Of(EvidenceKind.Label), confidence.Fields["weight_kg"]);
    }

    [Fact]
    public void Score_OrderWithoutStops_IsLowWithAReason()
    {
        var order = new TransportOrder { WeightKg = 24000 };

        var confidence = ConfidenceScorer.Score("24 t", order);

        Assert.True(confidence.Low);
        Assert.Equal("no loading stop found", confidence.Reason);
        Assert.Equal(ConfidenceScorer.Of(EvidenceKind.Guess), confidence.Fields["weight_kg"]);
    }

    [Fact]
    public void EvidenceOf_ValueInProse_IsStructure()
    {
        const string text = "The goods weigh 9.8 tonnes in all.";
        var order = new TransportOrder { WeightKg = 9800, Sources = new Dictionary<string, TextSpan> { ["weight_kg"] = new(16, 11) } };

        Assert.Equal(EvidenceKind.Structure, ConfidenceScorer.EvidenceOf(text, order, "weight_kg"));
    }

    [Fact]
    public void Serialize_OrderWithConfidence_WritesTheExtensionBesideTheSpecFields()
    {
        var order = new TransportOrder { Confidence = new OrderConfidence { Order = 0.95, Fields = new Dictionary<string, double> { ["weight_kg"] = 0.95 } } };

        var json = System.Text.Json.JsonSerializer.Serialize(order, FleetManager.Core.Json.FleetManagerJsonContext.Compact.TransportOrder);

        Assert.Contains("\"x_confidence\":{\"order\":0.95,\"low\":false,\"fields\":{\"weight_kg\":0.95}}", json, StringComparison.Ordinal);
        Assert.Contains("\"weight_kg\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("x_confidence", System.Text.Json.JsonSerializer.Serialize(new TransportOrder(), FleetManager.Core.Json.FleetManagerJsonContext.Compact.TransportOrder), StringComparison.Ordinal);
    }
}
