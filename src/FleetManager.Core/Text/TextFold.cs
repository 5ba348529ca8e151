using System.Buffers;
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
    /// <summary>Stack room for the folded text of short inputs (longer ones rent a buffer).</summary>
    private const int StackBufferLength = 768;

    /// <summary>Lower-cased, diacritic-free form of <paramref name="text"/>.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        // Most mail text is ASCII, or long ASCII runs between a few accented letters: those runs are
        // lower-cased by one vectorized call each, and only the other characters take the table path.
        // Folding ran on every message several times and was the largest single cost of classification.
        var firstOther = text.IndexOfAnyExceptInRange('\0', '\u007f');
        if (firstOther < 0)
        {
            return string.Create(text.Length, text, static (destination, source) => Ascii.ToLower(source, destination, out _));
        }

        // No character folds to more than MaxLetters characters ("ß" → "ss", a Hangul syllable → 3 jamo).
        var capacity = text.Length * UnicodeTables.MaxLetters;
        char[]? rented = null;
        var buffer = capacity <= StackBufferLength ? stackalloc char[StackBufferLength] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        var written = 0;
        var rest = text;
        while (true)
        {
            var run = rest.IndexOfAnyExceptInRange('\0', '\u007f');
            if (run < 0)
            {
                run = rest.Length;
            }

            Ascii.ToLower(rest[..run], buffer[written..], out var lowered);
            written += lowered;
            if (run == rest.Length)
            {
                break;
            }

            written += FoldOne(rest[run], buffer[written..]);
            rest = rest[(run + 1)..];
        }

        var folded = new string(buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    /// <summary>Writes the folded form of the non-ASCII character <paramref name="c"/> (at most <see cref="UnicodeTables.MaxLetters"/> characters) and returns its length.</summary>
    private static int FoldOne(char c, Span<char> destination)
    {
        switch (c)
        {
            case 'ł' or 'Ł': destination[0] = 'l'; return 1;
            case 'ß' or 'ẞ': destination[0] = 's'; destination[1] = 's'; return 2;
            case 'ø' or 'Ø': destination[0] = 'o'; return 1;
            case 'đ' or 'Đ': destination[0] = 'd'; return 1;
            case 'æ' or 'Æ': destination[0] = 'a'; destination[1] = 'e'; return 2;
            case 'œ' or 'Œ': destination[0] = 'o'; destination[1] = 'e'; return 2;
            case 'ı': destination[0] = 'i'; return 1;
            case 'þ' or 'Þ': destination[0] = 't'; destination[1] = 'h'; return 2;
        }

        if (char.IsSurrogate(c))
        {
            // Half of an emoji or another character beyond the BMP: it folds to itself, and refusing it
            // (as string.Normalize does) made the rules reader fail on any email with an emoji.
            destination[0] = c;
            return 1;
        }

        // The letters of the canonical decomposition (NFD) without the marks, from a table rather than
        // string.Normalize, which does nothing in the executable's globalization-invariant mode.
        var count = UnicodeTables.Decompose(c, destination);
        if (count < 0)
        {
            if (UnicodeTables.IsRefused(c))
            {
                // A code point ICU's normaliser refuses (a noncharacter such as U+FFFE): not text, so it is
                // dropped rather than failing the whole message as string.Normalize would.
                return 0;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                return 0;
            }

            destination[0] = char.ToLowerInvariant(c);
            return 1;
        }

        for (var i = 0; i < count; i++)
        {
            destination[i] = char.ToLowerInvariant(destination[i]);
        }

        return count;
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
