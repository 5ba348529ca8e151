using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

/// <summary>
/// Reading keeps text as the sender wrote it, formula-like or not: guarding against formulas is the sinks' job
/// (the CSV export), not the reader's.
/// </summary>
public sealed class TextKeptAsWrittenTests
{
    private const string Body = """
        Dear partners,

        Order no.: {0}

        Loading: {1}, Industriestraße 14, 85386 Eching, Germany, 03.12.2026 08:00-14:00
        Unloading: Napoje Mazowsze, ul. Ostrobramska 101, 04-041 Warszawa, Poland, 05.12.2026

        33 pallets beer, 22,500 kg, tautliner. Price 1450 EUR.
        """;

    private static readonly System.Text.CompositeFormat BodyFormat = System.Text.CompositeFormat.Parse(Body);

    [Theory]
    [InlineData("+SUM(1)")]
    [InlineData("TO-2026-(11873)")]
    public void Extract_ReferenceWithParentheses_KeptWhole(string reference)
    {
        var order = RulesTestMessages.Extract("Transport order", string.Format(System.Globalization.CultureInfo.InvariantCulture, BodyFormat, reference, "Brauerei Hofmann KG"));

        Assert.Equal(reference, order.ReferenceNumber);
    }

    [Fact]
    public void Extract_ReferenceInParenthesesWithTrailingPunctuation_StillTrimmed()
    {
        var order = RulesTestMessages.Extract("Transport order", string.Format(System.Globalization.CultureInfo.InvariantCulture, BodyFormat, "TO-55821).", "Brauerei Hofmann KG"));

        Assert.Equal("TO-55821", order.ReferenceNumber);
    }

    [Fact]
    public void Extract_CompanyBeginningWithAt_StopKept()
    {
        // The whole reader: stops are found by the stop readers, not the field extractor.
        var result = new RulesOrderReader().Read(RulesTestMessages.Email("Transport order", string.Format(System.Globalization.CultureInfo.InvariantCulture, BodyFormat, "TO-1", "@Home Logistics GmbH")));
        var order = Assert.Single(result.Orders);

        var loading = Assert.Single(order.Stops, s => s.Type == StopType.Loading);
        Assert.Equal("Eching", loading.City);
    }

    [Theory]
    [InlineData("Loading: @Home Logistics GmbH", nameof(StopLabelKind.Loading))]
    [InlineData("Loading: dispo@home-logistics.example", nameof(StopLabelKind.Other))]
    [InlineData("Loading: Anna <anna@example.com>", nameof(StopLabelKind.Other))]
    public void Read_LabelWithAt_OnlyAnAddressMakesItAHeaderLine(string line, string expected) =>
        Assert.Equal(expected, LineLabel.Read(line)?.Kind.ToString());

    [Theory]
    [InlineData("Rozładunek 2: 14.01.2027, 14513 Teltow", nameof(StopLabelKind.Unloading))]
    [InlineData("Unloading #3: 24223 Schwentinental", nameof(StopLabelKind.Unloading))]
    [InlineData("Entladestelle Nr. 2: 14513 Teltow", nameof(StopLabelKind.Unloading))]
    [InlineData("Leveringssted: 2600 Glostrup", nameof(StopLabelKind.Unloading))]
    [InlineData("Lastedato: 11.01.2027", nameof(StopLabelKind.LoadingDate))]
    public void Read_NumberedOrCompoundStopLabel_IsTheStopsLabel(string line, string expected) =>
        Assert.Equal(expected, LineLabel.Read(line)?.Kind.ToString());

    [Theory]
    [InlineData("Carga 1 - ref. LC-1701")]
    [InlineData("Paleta 2: 120 x 80")]
    public void Read_NumberedHeadingOrOtherField_NoStopLabel(string line) =>
        // "Carga 1 - …" heads an order ("load 1"); a numbered label other than a stop's is no label.
        Assert.Null(LineLabel.Read(line));
}
