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
        Span<char> letters = stackalloc char[UnicodeTables.MaxLetters];
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
                // Half of an emoji or another character beyond the BMP: it folds to itself, and refusing it
                // (as string.Normalize does) made the rules reader fail on any email with an emoji.
                builder.Append(c);
                continue;
            }

            // The letters of the canonical decomposition (NFD) without the marks, from a table rather than
            // string.Normalize, which does nothing in the executable's globalization-invariant mode.
            var count = UnicodeTables.Decompose(c, letters);
            if (count < 0)
            {
                if (UnicodeTables.IsRefused(c))
                {
                    // A code point ICU's normaliser refuses (a noncharacter such as U+FFFE): not text, so it is
                    // dropped rather than failing the whole message as string.Normalize would.
                    continue;
                }

                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(char.ToLowerInvariant(c));
                }

                continue;
            }

            foreach (var d in letters[..count])
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
