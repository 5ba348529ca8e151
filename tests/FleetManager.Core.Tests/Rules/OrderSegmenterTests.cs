using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class OrderSegmenterTests
{
    [Fact]
    public void Split_ExchangeDigest_GivesOneBlockPerOffer()
    {
        var document = RulesTestDocuments.From("""
            Neue Frachtangebote für Ihren Suchauftrag:

            1) Angebot 1001
               DE-93047 Regensburg -> CZ-301 00 Plzeň
               Ladung: 24.11. | Entladung: 25.11.
            2) Angebot 1002
               DE-80331 München -> PL-00-950 Warszawa
               Ladung: 25.11., ab 08:00 | Entladung: 27.11.

            Suchauftrag abbestellen: https://boerse.example/konto
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var second = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal(("80331", "00-950"), (second[0].PostalCode, second[1].PostalCode));
        Assert.Equal(new DateOnly(2026, 11, 25), second[0].Date);
        Assert.Equal(new TimeOnly(8, 0), second[0].TimeFrom);
        Assert.Equal(new DateOnly(2026, 11, 27), second[1].Date);
    }

    [Fact]
    public void Split_NumberedEntryWithoutRoute_StaysOneOrder()
    {
        var document = RulesTestDocuments.From("""
            Unsere Angebote:

            1) Angebot 1001
               DE-93047 Regensburg -> CZ-301 00 Plzeň
            2) Angebot 1002
               Ware: 24 Paletten, Plane

            Mit freundlichen Grüßen
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal([new OrderBlock(0, document.Text.Length)], blocks);
    }

    [Fact]
    public void Split_TwoRouteLinesOutsideNumberedEntries_GivesOneBlockPerRoute()
    {
        var document = RulesTestDocuments.From("""
            Hallo,

            DE-93047 Regensburg -> CZ-301 00 Plzeň, 24.11.
            DE-80331 München -> PL-00-950 Warszawa, 25.11.

            Gruß
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("DE-93047", document.Text[blocks[0].Start..], StringComparison.Ordinal);
        Assert.StartsWith("DE-80331", document.Text[blocks[1].Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_NumberedStopsOfOneTour_StaysOneOrder()
    {
        var document = RulesTestDocuments.From("""
            Sammeltour:
            1. Beladung – 01.12.2026, 07:00
               Werk A GmbH, Industriestr. 1, 36037 Fulda
            2. Beladung – 01.12.2026, 10:00
               Werk B GmbH, Hauptstr. 2, 36129 Gersfeld
            3. Entladung – 02.12.2026
               Sklad s.r.o., Borská 5, 301 00 Plzeň (CZ)
            """);

        var blocks = OrderSegmenter.Split(document);

        var block = Assert.Single(blocks);
        var stops = new StopExtractor().Extract(document, block, new Dictionary<string, TextSpan>());
        Assert.Equal([StopType.Loading, StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
    }

    [Fact]
    public void Split_SemicolonLoadList_GivesOneBlockPerRowWithItsStops()
    {
        var csv = """
            Load no;Loading date;Loading ZIP;Loading city;Loading country;Delivery date;Delivery ZIP;Delivery city;Delivery country;Rate EUR
            L-1;23.11.2026;4020;Linz;AT;24.11.2026;617 00;Brno;CZ;650
            L-2;24.11.2026;4400;Steyr;AT;25.11.2026;586 01;Jihlava;CZ;720
            """;
        var document = RulesTestDocuments.From("Hi, the loads for next week attached.", attachments: new EmailAttachment("loads.csv", "text/csv", csv.Length, csv));

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var stops = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal(("4400", "Steyr", "AT"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(("586 01", "Jihlava", "CZ"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Equal(new DateOnly(2026, 11, 25), stops[1].Date);
    }

    [Fact]
    public void Split_LabelAndValueTableWithColonsInTheLabelCells_IsOneOrder()
    {
        // An HTML table of "Label: | value" rows: one order, not a column per order (its label column holds no order).
        var body = string.Join('\n',
            "Dzień dobry,",
            "Miejsce załadunku: | Zakład Produkcyjny, ul. Fabryczna 1, 87-100 Toruń",
            "Data załadunku: | 22.04.2027, 8:00-14:00",
            "Miejsce rozładunku: | Lagerhaus Süd, 90451 Nürnberg, Niemcy",
            "Data rozładunku: | 23.04.2027",
            "Towar: | 33 palety, 18 000 kg",
            "Pozdrawiam");

        Assert.Single(OrderSegmenter.Split(RulesTestDocuments.From(body, "Zlecenie transportowe nr 552/04/27")));
    }
}
