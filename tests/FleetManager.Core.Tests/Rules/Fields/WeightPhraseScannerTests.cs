using System.Text.RegularExpressions;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

public sealed class WeightPhraseScannerTests
{
    [Fact]
    public void UnitInitials_AreEveryCharacterTheUnitsFirstLettersMatch()
    {
        var firstLetters = new Regex("^[kt\u0442\u043A]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            Assert.True(
                firstLetters.IsMatch(ch.ToString()) == WeightPhraseScanner.UnitInitials.Contains(ch, StringComparison.Ordinal),
                $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("Gewicht: ca. 24.000 kg, 33 Paletten")]
    [InlineData("approximately\n\n 12 t on 2 to 3 days, 500 km")]
    [InlineData("5 kb 24 t, ok. 7 TONNEN")]
    [InlineData("около 3 т и 20 кг")]
    [InlineData("24 \u212Ag")]
    [InlineData("max. 3,5 t bus, 1 000 000 kg")]
    [InlineData("Weight 24000\n\nTotal: 22,5 to 12")]
    [InlineData("٣ t and 12 t")]
    [InlineData("")]
    public void Next_Examples_GivesTheMatchesOfThePattern(string text)
        => AssertSameMatches(text);

    [Fact]
    public void Next_RandomTexts_GivesTheMatchesOfThePattern()
    {
        string[] pieces =
        [
            "ca", "approximately", "ok", "около", "kb", "~", ".", ",", "'", " ", "  ", "\t", "\u00A0", "\n", "1", "24", "000", "3,5",
            "kg", "kgs", "kilo", "t", "to", "T", "tons", "Tonnen", "т", "тона", "кг", "\u212A", "km", "x", "/", "Tage", "a", "٣", "-",
        ];
        var random = new Random(20261127);
        for (var i = 0; i < 5000; i++)
        {
            AssertSameMatches(string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => pieces[random.Next(pieces.Length)])));
        }
    }

    private static void AssertSameMatches(string text)
    {
        var pattern = QuantityReader.WeightPhrase();
        for (var start = 0; start <= text.Length; start++)
        {
            var expected = pattern.Matches(text, start).Select(m => (m.Index, m.Length, m.Groups["n"].Value, m.Groups["u"].Value)).ToList();
            var actual = new List<(int, int, string, string)>();
            for (var m = WeightPhraseScanner.Next(pattern, text, start); m.Success; m = WeightPhraseScanner.Next(pattern, text, m.Index + m.Length))
            {
                actual.Add((m.Index, m.Length, m.Groups["n"].Value, m.Groups["u"].Value));
            }

            Assert.True(expected.SequenceEqual(actual), $"Different matches from {start} in \"{text}\".");
        }
    }
}
