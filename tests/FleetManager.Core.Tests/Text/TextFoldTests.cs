using System.Globalization;
using System.Text;
using FleetManager.Core.Text;
using Xunit;

namespace FleetManager.Core.Tests.Text;

public sealed class TextFoldTests
{
    [Theory]
    [InlineData("Danke 😀 für den Auftrag", "danke 😀 fur den auftrag")]
    [InlineData("🚚 Ładunek: Gdańsk", "🚚 ladunek: gdansk")]
    [InlineData("Timișoara", "timisoara")]
    public void Fold_TextWithCharactersBeyondTheBmp_KeepsThemAndFoldsTheRest(string text, string expected) =>
        Assert.Equal(expected, TextFold.Fold(text));

    [Theory]
    [InlineData("Łódź", "lodz")]
    [InlineData("Mülheim-Kärlich", "mulheim-karlich")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Þórshöfn", "thorshofn")]
    [InlineData("Ústí nad Labem", "usti nad labem")]
    [InlineData("Йошкар-Ола", "иошкар-ола")]
    [InlineData("ΑΘΉΝΑ", "αθηνα")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Cafe\u0301", "cafe")]
    public void Fold_NameInAnyScript_LowerCaseWithoutDiacritics(string text, string expected) =>
        Assert.Equal(expected, TextFold.Fold(text));

    [Theory]
    [InlineData("LOADING: Hamburg, 20457 / 24 PAL", "loading: hamburg, 20457 / 24 pal")]
    [InlineData("", "")]
    public void Fold_AsciiText_LowerCasedOnly(string text, string expected) =>
        Assert.Equal(expected, TextFold.Fold(text));

    [Theory]
    [InlineData(10)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(4000)]
    public void Fold_AsciiRunsBetweenOtherLetters_SameAsFoldingEachCharacter(int length)
    {
        // ASCII runs are folded by one vectorized call and the other characters one by one, into a stack
        // buffer for short texts and a rented one for long ones: every mix must equal the character-wise fold.
        var alphabet = "ABCxyz 09:.,-\nÄÖÜßŁłÆæŒœÞØĐıİÉèçŞğЙЁΆΣ😀".ToCharArray();
        var random = new Random(length);
        var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var expected = string.Concat(text.Select(c => TextFold.Fold(c.ToString())));

        Assert.Equal(expected, TextFold.Fold(text));
    }

    [Fact]
    public void Fold_EveryBmpCharacter_SameAsIcuNormalizeFold()
    {
        // The fold as it was written with string.Normalize (ICU in this test process), character by character.
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                // Halves of characters beyond the BMP (emoji) are kept as they are.
                Assert.Equal(c.ToString(), TextFold.Fold(c.ToString()));
                continue;
            }

            if (c == '\uFFFE')
            {
                // ICU refuses it; the fold drops it instead of failing the message.
                Assert.Equal(string.Empty, TextFold.Fold(c.ToString()));
                continue;
            }

            Assert.Equal(IcuFold(c), TextFold.Fold(c.ToString()));
        }
    }

    private static string IcuFold(char c) => c switch
    {
        'ł' or 'Ł' => "l",
        'ß' or 'ẞ' => "ss",
        'ø' or 'Ø' => "o",
        'đ' or 'Đ' => "d",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ı' => "i",
        'þ' or 'Þ' => "th",
        _ => string.Concat(c.ToString().Normalize(NormalizationForm.FormD)
            .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            .Select(char.ToLowerInvariant)),
    };
}
