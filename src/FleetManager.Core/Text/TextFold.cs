using System.Globalization;
using System.Text;

namespace FleetManager.Core.Text;

/// <summary>
/// Folds text for comparison: lower case, diacritics removed, letters that do not decompose
/// (ł, ß, ø, đ, æ, œ, ı) mapped to their plain forms. Cyrillic stays Cyrillic. Used wherever names are
/// matched (vocabularies, the gazetteer, the evaluation's city rule) so they all agree.
/// </summary>
public static class TextFold
{
    /// <summary>Lower-cased, diacritic-free form of <paramref name="text"/>.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128)
            {
                builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                continue;
            }

            switch (c)
            {
                case 'ł' or 'Ł': builder.Append('l'); continue;
                case 'ß' or 'ẞ': builder.Append("ss"); continue;
                case 'ø' or 'Ø': builder.Append('o'); continue;
                case 'đ' or 'Đ': builder.Append('d'); continue;
                case 'æ' or 'Æ': builder.Append("ae"); continue;
                case 'œ' or 'Œ': builder.Append("oe"); continue;
                case 'ı': builder.Append('i'); continue;
                case 'þ' or 'Þ': builder.Append("th"); continue;
            }

            if (char.IsSurrogate(c))
            {
                // Half of an emoji or another character outside the BMP: kept as it is (it has no
                // decomposition, and normalising half a pair throws).
                builder.Append(c);
                continue;
            }

            builder.Append(FoldedChars[c] ??= FoldChar(c));
        }

        return builder.ToString();
    }

    /// <summary>The folded form of each non-ASCII BMP character met so far; filled on first use (a benign race: every thread computes the same string).</summary>
    private static readonly string?[] FoldedChars = new string?[char.MaxValue + 1];

    private static string FoldChar(char c)
    {
        string decomposed;
        try
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // A code point normalisation rejects (a non-character): compared as it is.
            return char.ToLowerInvariant(c).ToString();
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Fold(ReadOnlySpan{char})"/> and then only letters and digits kept, runs of anything
    /// else collapsed to one space and trimmed: <c>"Frankfurt a. M."</c> → <c>"frankfurt a m"</c>.
    /// </summary>
    public static string FoldLettersAndDigits(ReadOnlySpan<char> text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
