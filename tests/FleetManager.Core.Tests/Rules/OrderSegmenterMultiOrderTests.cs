using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Multi-order messages beyond route one-liners: header words, repeated label sets, long and fixed-width lists.</summary>
public sealed class OrderSegmenterMultiOrderTests
{
    [Fact]
    public void Split_EntriesNumberedWithAHeaderWord_GivesOneBlockPerEntry()
    {
        var document = RulesTestDocuments.From("""
            Zwei Sendungen für nächste Woche:

            Sendung 1
              Beladung: 23.11.
              Entladung: 25.11.
            Sendung 2
              Beladung: 24.11.
              Entladung: 26.11.

            Danke
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("Sendung 2", document.Text[blocks[1].Start..blocks[1].End], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_RouteLinesUnderTheirOwnHeadLines_EachEntryKeepsItsHead()
    {
        // Each entry's number is on the line above its route, set apart from the entry before by a blank line.
        var document = RulesTestDocuments.From("""
            Nové náklady podle vašeho filtru "CZ -> DE":

            ID nabídky: NB-55120
            CZ 61900 Brno -> DE 80331 München
            Nakládka 21.12.2026, 24 t, plachta, 950 EUR

            ID nabídky: NB-55127
            CZ 40001 Ústí nad Labem -> DE 01067 Dresden
            Nakládka 22.12.2026, 8 t, 12 palet, plachta, 300 EUR
            """, "Nové náklady (2)");

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("ID nabídky: NB-55120", document.Text[blocks[0].Start..blocks[0].End], StringComparison.Ordinal);
        Assert.StartsWith("ID nabídky: NB-55127", document.Text[blocks[1].Start..blocks[1].End], StringComparison.Ordinal);
        var stops = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        // "Nakládka 22.12.2026": a stop word and the date right after it, without a colon.
        Assert.Equal(new DateOnly(2026, 12, 22), stops[0].Date);
    }

    [Fact]
    public void Split_RouteLinesAfterAnIntroductionEndingInAColon_StartAtTheRoute()
    {
        var document = RulesTestDocuments.From("""
            Two loads for week 3:
            DE 80331 München -> PL 00-001 Warszawa, 12 t
            DE 10115 Berlin -> CZ 11000 Praha, 8 t
            """, "Loads");

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("DE 80331 München", document.Text[blocks[0].Start..blocks[0].End], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_RepeatedLabelSetsUnderReferences_GivesOneBlockPerReference()
    {
        var document = RulesTestDocuments.From("""
            Guten Tag,

            AB-7781
              Beladung: Werk Nord, Industriestr. 2, 85386 Eching, 23.11.
              Entladung: Lager Süd, Hauptstr. 5, 93047 Regensburg, 24.11.

            AB-7782
              Beladung: Werk Nord, Industriestr. 2, 85386 Eching, 24.11.
              Entladung: Depot Ost, Ringstr. 9, 80331 München, 25.11.

            Gruß
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var second = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal("80331", second[^1].PostalCode);
    }

    [Fact]
    public void Split_FixedWidthTable_GivesOneBlockPerRow()
    {
        var document = RulesTestDocuments.From("""
            Hallo,

            Ref       Loading           Loading date   Unloading          Unloading date
            --------  ----------------  -------------  -----------------  --------------
            AB-101    80331 München     23.11.         00-950 Warszawa    25.11.
            AB-102    93047 Regensburg  24.11.         85386 Eching       24.11.

            Gruß
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var second = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal(("93047", "85386"), (second[0].PostalCode, second[^1].PostalCode));
        Assert.Equal(new DateOnly(2026, 11, 24), second[0].Date);
    }

    [Fact]
    public void Split_LongListWithUnknownHeaders_GroupsStopRowsIntoOrdersByReference()
    {
        // Headers in no vocabulary: the columns are known from their content alone.
        var csv = """
            Tellimus | Liik | Sihtnumber | Linn | Riik | Kuupäev
            AB-201 | Beladung | DE-85386 | Eching | DE | 2026-11-23
            AB-201 | Entladung | DE-93047 | Regensburg | DE | 2026-11-24
            AB-202 | Beladung | DE-80331 | München | DE | 2026-11-24
            AB-202 | Entladung | DE-86150 | Augsburg | DE | 2026-11-25
            AB-202 | Entladung | DE-89073 | Ulm | DE | 2026-11-25
            """;
        var document = RulesTestDocuments.From("Plan im Anhang.", attachments: new EmailAttachment("plan.csv", "text/csv", csv.Length, csv));

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var second = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal(["80331", "86150", "89073"], second.Select(s => s.PostalCode));
        Assert.Equal(StopType.Loading, second[0].Type);
        Assert.Equal(new DateOnly(2026, 11, 25), second[^1].Date);
    }
}
