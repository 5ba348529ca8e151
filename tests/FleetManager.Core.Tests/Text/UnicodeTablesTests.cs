using System.Globalization;
using System.Text;
using FleetManager.Core.Text;

namespace FleetManager.Core.Tests.Text;

/// <summary>
/// The generated table against ICU itself: the test process runs with ICU (only the published executable is
/// globalization-invariant), so string.Normalize here is the behaviour TextFold had before the table.
/// </summary>
public sealed class UnicodeTablesTests
{
    [Fact]
    public void Decompose_EveryBmpCharacter_MatchesIcuNfdWithoutMarks()
    {
        Assert.False(GlobalizationIsInvariant(), "this test needs ICU: it compares the table with string.Normalize");
        var letters = new char[UnicodeTables.MaxLetters];
        var mismatches = new List<string>();
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                continue;
            }

            var nfd = c.ToString().Normalize(NormalizationForm.FormD);
            var expected = nfd == c.ToString() ? null : string.Concat(nfd.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark));
            var count = UnicodeTables.Decompose(c, letters);
            var actual = count < 0 ? null : new string(letters, 0, count);
            if (expected != actual)
            {
                mismatches.Add($"U+{code:X4}: expected {expected ?? "(itself)"}, got {actual ?? "(itself)"}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("é", "e")]
    [InlineData("Ǖ", "U")]
    [InlineData("й", "и")]
    [InlineData("ё", "е")]
    [InlineData("각", "\u1100\u1161\u11A8")]
    [InlineData("가", "\u1100\u1161")]
    public void Decompose_PrecomposedCharacter_GivesItsLetters(string character, string expected)
    {
        var letters = new char[UnicodeTables.MaxLetters];
        var count = UnicodeTables.Decompose(character[0], letters);
        Assert.Equal(expected, new string(letters, 0, count));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('ł')]
    [InlineData('ß')]
    [InlineData('Ж')]
    public void Decompose_CharacterWithoutDecomposition_ReturnsMinusOne(char c) =>
        Assert.Equal(-1, UnicodeTables.Decompose(c, new char[UnicodeTables.MaxLetters]));

    [Fact]
    public void ComposeCanonical_EveryBmpCharacterAlone_MatchesIcuNfc()
    {
        Assert.False(GlobalizationIsInvariant(), "this test needs ICU: it compares the table with string.Normalize");
        var mismatches = new List<string>();
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (UnicodeTables.IsRefused(c))
            {
                continue;
            }

            var expected = c.ToString().Normalize(NormalizationForm.FormC);
            var actual = UnicodeTables.ComposeCanonical(c.ToString());
            if (expected != actual)
            {
                mismatches.Add($"U+{code:X4}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ComposeCanonical_EveryCanonicalDecomposition_MatchesIcuNfc()
    {
        // Every precomposed character written as its base and marks (NFD, so in canonical order), as some mail clients send names.
        var mismatches = new List<string>();
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (UnicodeTables.IsRefused(c))
            {
                continue;
            }

            var decomposed = "x" + c.ToString().Normalize(NormalizationForm.FormD) + "y";
            if (decomposed.Normalize(NormalizationForm.FormC) != UnicodeTables.ComposeCanonical(decomposed))
            {
                mismatches.Add($"U+{code:X4}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("Lodz")]
    [InlineData("Ło\u0301dz\u0301")]
    [InlineData("Mu\u0308nchen, DE")]
    [InlineData("A\u030A\u212B\u2126")]
    [InlineData("\u1100\u1161\u11A8")]
    [InlineData("Ha\u0300 No\u0323\u0302i")]
    public void ComposeCanonical_MailText_MatchesIcuNfc(string text) =>
        Assert.Equal(text.Normalize(NormalizationForm.FormC), UnicodeTables.ComposeCanonical(text));

    private static bool GlobalizationIsInvariant() =>
        AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant;
}
