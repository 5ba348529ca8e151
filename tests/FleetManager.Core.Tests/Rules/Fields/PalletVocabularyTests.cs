using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Pallet counts in the words of the language files, with own example lines.</summary>
public sealed class PalletVocabularyTests
{
    [Theory]
    [InlineData("Gods: 21 st EUR-pall, 9 800 kg", 21)]
    [InlineData("Kuorma: 17 EUR-lavaa", 17)]
    [InlineData("Φορτίο: 19 παλέτες", 19)]
    [InlineData("Товар: 24 палети EUR", 24)]
    public void Counts_PalletWordOfAnyLanguage_GivesTheCount(string line, int expected)
    {
        var counts = PalletVocabulary.Counts(line, 0).ToList();

        Assert.Equal([expected], counts.Select(c => c.Count));
    }

    [Fact]
    public void Counts_AddedCounts_AreOneTotalSpanningBoth()
    {
        const string line = "Lasten: 11 EUR-pall + 5 halvpall, torrt";

        var (count, index, length) = Assert.Single(PalletVocabulary.Counts(line, 0));

        Assert.Equal(16, count);
        Assert.Equal("11 EUR-pall + 5 halvpall", line.Substring(index, length));
    }

    [Theory]
    [InlineData("Postnummer 2140 pall")] // four digits: a postcode or a weight, not a count
    [InlineData("Ref 7/12 lavaa")] // a number after "/" belongs to the code before it
    [InlineData("Vekt 12000 kg, ingen paller nevnt")]
    public void Counts_NumberThatIsNoCount_GivesNothing(string line)
        => Assert.Empty(PalletVocabulary.Counts(line, 0));

    [Fact]
    public void Counts_TextCutAtBlockEnd_SeesNoWordAfterTheCut()
    {
        // The reader passes the text up to its block's end: a count whose word lies beyond is not the block's.
        const string text = "Block one: 14\nBlock two: pall";

        Assert.Empty(PalletVocabulary.Counts(text[..text.IndexOf('\n', StringComparison.Ordinal)], 0));
        Assert.Single(PalletVocabulary.Counts("Block one: 14 pall", 0));
    }

    [Fact]
    public void Counts_FromAnOffset_IgnoresCountsBeforeIt()
    {
        const string text = "Order A: 8 pall\nOrder B: 12 pall";

        var (count, _, _) = Assert.Single(PalletVocabulary.Counts(text, text.IndexOf("Order B", StringComparison.Ordinal)));

        Assert.Equal(12, count);
    }

    [Theory]
    [InlineData("33 EUR-pall", 3, true)]
    [InlineData("33 EUR Paletten", 3, true)]
    [InlineData("Pris 900 EUR per tur", 9, false)]
    public void IsPalletWordAt_AfterEur_TellsPalletTypeFromCurrency(string text, int afterEur, bool expected)
        => Assert.Equal(expected, PalletVocabulary.IsPalletWordAt(text, text.IndexOf("EUR", StringComparison.Ordinal) + afterEur));

    [Theory]
    [InlineData("Cargo: 22 one-way pallets of crates", 22)]
    [InlineData("Ladung: 18 Einweg Paletten", 18)]
    [InlineData("Towar: 12 EUR palet", 12)]
    public void Counts_PalletKindBetweenCountAndWord_GivesTheCount(string line, int expected)
    {
        var counts = PalletVocabulary.Counts(line, 0).ToList();

        Assert.Equal([expected], counts.Select(c => c.Count));
    }

    [Theory]
    [InlineData("Tovar: mliečne výrobky, palety: 16 EUR, 7 400 kg", 16)]
    [InlineData("Áru: csempe, raklap: 9, 6 t", 9)]
    [InlineData("Goods: tiles, pallets: 12 (stackable)", 12)]
    public void ColonCounts_PalletWordColonCountInsideALine_GivesTheCount(string line, int expected)
    {
        var counts = PalletVocabulary.ColonCounts(line, 0).ToList();

        Assert.Equal([expected], counts.Select(c => c.Count));
    }

    [Theory]
    [InlineData("Paletten: 13,6 ldm")]
    [InlineData("pallets: 24 t")]
    [InlineData("Pallets: 120")]
    [InlineData("Lavat: 12.5")]
    public void ColonCounts_NumberThatIsNoCount_GivesNothing(string line)
    {
        Assert.Empty(PalletVocabulary.ColonCounts(line, 0));
    }

    [Theory]
    [InlineData("22x EUR pall, 5 Stk. Europaletten, 3 бр палети, 12 kg, 13,6 ldm 14 pall")]
    [InlineData("ID_12 pall a-3 pall 1/33 lavaa 7.5 pall x4 pall 999 PALL 1000 pall")]
    [InlineData("14 EUR-pall + 4 halvpall; 2\u00A0ΠΑΛΈΤΕΣ; 8 paletten; 6 Paletten EUR; 4 szt. palet")]
    [InlineData("12 t, 33 EUR, 5 Europaletten, 18 Einwegpaletten, 20 adet palet, 9 kpl EUR-lavoja")]
    public void Matches_OwnLines_AreThePatternsMatchesAtEveryPosition(string text) =>
        Assert.Equal(PalletVocabulary.MatchesOfPatternAlone(text), PalletVocabulary.Matches(text));

    [Fact]
    public void ChecksWordStarts_TheLanguageFilesWords_CanBeJudgedByTheirFirstLetters() =>
        // A word beginning with a character whose other case is ASCII (or with a space) would turn the check off and
        // send every "12 kg" back through the interpreted pattern: this says so when a language file adds one.
        Assert.True(PalletVocabulary.ChecksWordStarts);

    [Theory]
    [InlineData("dev")]
    [InlineData("dev2")]
    public void Matches_EveryCorpusEmailsText_AreThePatternsMatchesAtEveryPosition(string corpus)
    {
        // The checks before the interpreted pattern (digit runs, the character before, the words' first letters) only
        // spare it places where it cannot match: over every message's text they must find exactly its matches.
        var found = 0;
        foreach (var text in CorpusLocator.RulesTexts(corpus))
        {
            var expected = PalletVocabulary.MatchesOfPatternAlone(text).ToList();

            Assert.Equal(expected, PalletVocabulary.Matches(text));
            found += expected.Count;
        }

        Assert.True(found > 0, "no pallet count in the corpus: the comparison proved nothing");
    }
}
