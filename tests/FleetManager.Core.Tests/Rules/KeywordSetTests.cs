using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class KeywordSetTests
{
    private static readonly string[] Words = ["order", "zamówienia", "n°", "заявка", "réf", "kn"];

    private static readonly KeywordSet Set = new(Words);

    private static readonly System.Buffers.SearchValues<string> AllWords =
        System.Buffers.SearchValues.Create(Words, StringComparison.OrdinalIgnoreCase);

    private static readonly KeywordSet Currencies = new("eur", "zł", "kn");

    [Theory]
    [InlineData("Fracht: 1.290 EUR")]
    [InlineData("Stawka 3 400 ZŁ netto")]
    [InlineData("price 900 Eur")]
    public void MayContain_CurrencyInAnyCase_IsTrue(string text)
        => Assert.True(Currencies.MayContain(text));

    [Fact]
    public void MayContain_NoCurrency_IsFalse()
        => Assert.False(Currencies.MayContain("Loading 12.11.2026 08:00, 33 pallets"));

    [Fact]
    public void MayContain_KelvinSignThatIgnoreCasePatternsReadAsK_IsTrue()
    {
        // A case-insensitive pattern matches "Kn" written with the Kelvin sign; the test must not rule it out.
        var text = "300 \u212An";
        Assert.Matches(new System.Text.RegularExpressions.Regex("kn", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant), text);
        Assert.True(Currencies.MayContain(text));
    }

    [Theory]
    [InlineData("Transport ORDER 4471")]
    [InlineData("Nr ZAMÓWIENIA: 12/2026")]
    [InlineData("N° 12345")]
    [InlineData("Заявка № 77")]
    [InlineData("RÉF. AB-12")]
    [InlineData("zamówienia")]
    [InlineData("x zamówienia")]
    [InlineData("Łódź ... n°")]
    public void MayContain_KeywordInAnyCase_IsTrue(string text)
        => Assert.True(Set.MayContain(text));

    [Theory]
    [InlineData("Loading 12.11.2026 08:00, 33 pallets")]
    [InlineData("Łódź – Berlin, zamowienia 12")]
    [InlineData("")]
    public void MayContain_NoKeyword_IsFalse(string text)
        => Assert.False(Set.MayContain(text));

    [Fact]
    public void MayContain_KelvinSign_IsTrue()
        => Assert.True(Set.MayContain("300 \u212An"));

    [Fact]
    public void MayContain_RandomTexts_AnswersAsTheSingleSearch()
    {
        // The same answer as one ordinal case-insensitive search over all the words plus the odd-case
        // letter test, on texts mixing the words'
        // pieces, ASCII and non-ASCII letters and the odd-case letters at every place.
        string[] pieces = ["or", "der", "zam", "ó", "Ó", "wienia", "n", "°", "за", "явка", "ЗАЯВКА", "r", "é", "É", "f", "k", "n", " ", "\n", "ü", "x", "\u212A", "ı", "ſ", "1"];
        var random = new Random(20261127);
        for (var i = 0; i < 20000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(
                (text.AsSpan().ContainsAny(AllWords) || KeywordPrecheck.HasOddCaseLetter(text)) == Set.MayContain(text),
                $"Different answers for \"{text}\".");
        }
    }

    /// <summary>Every non-ASCII keyword of the field readers' pre-checks.</summary>
    private static readonly string[] ReaderNonAsciiKeywords =
    [
        "ajánlat", "cenę", "díj", "fuvardíj", "hivatkozási", "kč", "megbízás", "nabídk", "nabízíme", "naročil", "naročilo", "nebezpečn", "n°", "nº", "pasiūlym", "plătim", "poptávk", "preço", "preţ", "preț", "proszę", "prosím", "prośba", "płacimy", "rendelés", "réf", "sipariş", "stawką", "užsakymas", "veszélyes", "zakázka", "zamówienia", "zamówienie", "zł", "£", "ücret", "číslo", "евро", "запитване", "заявка", "лв", "лева", "опасен", "опасна", "опасни", "оферта", "платим", "поръчка", "реф", "цена", "€",
    ];

    [Fact]
    public void Anchors_ReadersKeywords_HoldEveryCharacterThatEqualsAnAnchorIgnoringCase()
    {
        // The search for non-ASCII keywords looks only at the anchors' case variants; a character that
        // ordinal ignore-case comparison equates with an anchor letter but is missing would hide a keyword.
        var set = new KeywordSet(ReaderNonAsciiKeywords);
        var letters = ReaderNonAsciiKeywords.SelectMany(w => w.Where(c => c > '\u007F')).Distinct().ToList();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            foreach (var letter in letters)
            {
                if (string.Equals(ch.ToString(), letter.ToString(), StringComparison.OrdinalIgnoreCase)
                    && set.Anchors.Contains(letter, StringComparison.Ordinal))
                {
                    Assert.True(set.Anchors.Contains(ch, StringComparison.Ordinal), $"U+{c:X4} equals anchor {letter} but is not an anchor.");
                }
            }
        }
    }

    [Fact]
    public void MayContain_EachReaderKeywordInUpperAndLowerCase_IsTrue()
    {
        var set = new KeywordSet(ReaderNonAsciiKeywords);
        foreach (var word in ReaderNonAsciiKeywords)
        {
            Assert.True(set.MayContain("x " + word.ToUpperInvariant() + " y"), word);
            Assert.True(set.MayContain(word.ToLowerInvariant()), word);
        }
    }
}
