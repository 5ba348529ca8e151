using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class StopReadingTests
{
    private static readonly DateOnly EmailDate = new(2026, 11, 20);

    private static StopReading Reading() => new(RulesTestDocuments.From("Beladestelle: D-93047 Regensburg"), EmailDate);

    [Theory]
    [InlineData("Hauptstraße 4, D-93047 Regensburg")]
    [InlineData("DE-85386 Eching -> PL-02-672 Warszawa")]
    [InlineData("Unit 4 Canal Park, Telford TF7 4QT")]
    [InlineData("Bitte bestätigen Sie den Auftrag.")]
    public void Places_AnyLine_SameAsParserAndReadOnce(string line)
    {
        var reading = Reading();

        var first = reading.Places(line);

        Assert.Equal(PostalPlaceParser.FindAll(line), first);
        Assert.Same(first, reading.Places(new string(line.AsSpan())));
    }

    [Theory]
    [InlineData("Ladetermin: Do. 26.11.2026 ab 7 Uhr")]
    [InlineData("Pick-up  - Nov 24, 06:00-09:00")]
    [InlineData("3 grudnia, 2026-12-04")]
    [InlineData("ohne Datum")]
    public void Dates_AnyText_SameAsParser(string text)
    {
        var reading = Reading();

        Assert.Equal(DateExpressionParser.FindAll(text, EmailDate), reading.Dates(text));
        Assert.Equal(DateExpressionParser.FindFirst(text, EmailDate), reading.FirstDate(text));
    }

    [Theory]
    [InlineData("Entladestelle:     Sklad Nord s.r.o.")]
    [InlineData("COLLECTION")]
    [InlineData("Ware: Ersatzteile, 12 Paletten")]
    [InlineData("Sehr geehrte Damen und Herren,")]
    public void Label_AnyLine_SameAsLineLabel(string line) =>
        Assert.Equal(LineLabel.Read(line), Reading().Label(line));

    [Theory]
    [InlineData("Do. 26.11.2026 ab 7 Uhr", 7, 0, null, null)]
    [InlineData("26.11. 08:00-14:00", 8, 0, 14, 0)]
    [InlineData("Hauptstraße 4", null, null, null, null)]
    public void WindowWithoutDates_DatedLine_ReadsTheTimeNotTheDate(string text, int? fromHour, int? fromMinute, int? toHour, int? toMinute)
    {
        var window = Reading().WindowWithoutDates(text);

        Assert.Equal(fromHour is null ? null : new TimeOnly(fromHour.Value, fromMinute!.Value), window.From);
        Assert.Equal(toHour is null ? null : new TimeOnly(toHour.Value, toMinute!.Value), window.To);
    }

    [Fact]
    public void Extract_BlocksOfOneDocumentInTurn_SameStopsAsFreshExtractors()
    {
        var document = RulesTestDocuments.From("""
            Auftrag 1
            Beladestelle: Musterwerk GmbH, Hauptstraße 4, D-93047 Regensburg
            Entladestelle: Sklad Nord s.r.o., Skladová 12, CZ-326 00 Plzeň

            Auftrag 2
            Beladestelle: Lager Süd, Ringstraße 5, 80331 München
            Entladestelle: Magazyn, ul. Polna 3, PL-64-100 Leszno
            """);
        var middle = document.Text.IndexOf("Auftrag 2", StringComparison.Ordinal);
        var blocks = new[] { new OrderBlock(0, middle), new OrderBlock(middle, document.Text.Length - middle) };
        var shared = new StopExtractor();

        foreach (var block in blocks)
        {
            var sharedSources = new Dictionary<string, TextSpan>();
            var freshSources = new Dictionary<string, TextSpan>();
            var fromShared = shared.Extract(document, block, sharedSources);
            var fromFresh = new StopExtractor().Extract(RulesTestDocuments.From(document.Text[document.BodyStart..]), block, freshSources);

            Assert.Equal(fromFresh.Select(s => (s.Type, s.PostalCode, s.City, s.Country)), fromShared.Select(s => (s.Type, s.PostalCode, s.City, s.Country)));
            Assert.Equal(freshSources, sharedSources);
        }
    }
}
