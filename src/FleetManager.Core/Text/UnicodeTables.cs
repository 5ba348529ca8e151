namespace FleetManager.Core.Text;

/// <summary>
/// Unicode tables generated from ICU (tools/unicode/generate-fold-table.cs) for the two places that normalise
/// text, because the published executable runs in globalization-invariant mode, where
/// <see cref="string.Normalize()"/> returns its input unchanged. <see cref="Decompose"/>: the letters of a
/// character's canonical decomposition (Unicode NFD) without its non-spacing marks:
/// "é" → "e", "Ǖ" → "U", "й" → "и", "각" → "ᄀ" "ᅡ" "ᆨ". What <c>c.ToString().Normalize(NormalizationForm.FormD)</c>
/// with the marks dropped gives under ICU. <see cref="ComposeCanonical"/>: NFC as ICU gives it for
/// text in canonical order (see there).
/// </summary>
internal static partial class UnicodeTables
{
    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;
    private const int JamoLeadFirst = 0x1100;
    private const int JamoVowelFirst = 0x1161;
    private const int JamoTrailFirst = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailCount = 28;

    /// <summary>The most letters a decomposition has (a Hangul syllable with a trailing consonant; the generator checks the table).</summary>
    public const int MaxLetters = 3;

    /// <summary>
    /// Writes the letters of <paramref name="c"/>'s decomposition into <paramref name="letters"/>
    /// (room for <see cref="MaxLetters"/>) and returns how many; -1 when <paramref name="c"/> does not decompose (it stands for itself).
    /// </summary>
    public static int Decompose(char c, Span<char> letters)
    {
        if (c < 0x80)
        {
            return -1;
        }

        if (c is >= (char)HangulFirst and <= (char)HangulLast)
        {
            // Unicode's algorithmic decomposition of precomposed Hangul (section 3.12): lead, vowel, optional trail.
            var index = c - HangulFirst;
            letters[0] = (char)(JamoLeadFirst + (index / (VowelCount * TrailCount)));
            letters[1] = (char)(JamoVowelFirst + (index % (VowelCount * TrailCount) / TrailCount));
            var trail = index % TrailCount;
            if (trail == 0)
            {
                return 2;
            }

            letters[2] = (char)(JamoTrailFirst + trail);
            return 3;
        }

        var at = Keys.AsSpan().BinarySearch(c);
        if (at < 0)
        {
            return -1;
        }

        var found = Letters.AsSpan(Starts[at], Starts[at + 1] - Starts[at]);
        found.CopyTo(letters);
        return found.Length;
    }

    /// <summary>True for the characters string.Normalize refuses on their own under ICU (lone surrogates, U+FFFE).</summary>
    public static bool IsRefused(char c)
    {
        for (var i = 0; i < Refused.Length; i += 2)
        {
            if (c >= Refused[i] && c <= Refused[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Unicode NFC of <paramref name="text"/>: characters NFC replaces on their own are replaced, then each
    /// character is composed with the one before it where Unicode has a canonical composite (Hangul by its
    /// algorithm). The same as ICU for precomposed text and for a base letter followed by its marks in canonical
    /// order, which is what mail holds; unlike full NFC it does not reorder marks or compose past a blocking mark.
    /// </summary>
    public static string ComposeCanonical(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < 0x300)
        {
            i++;
        }

        if (i == text.Length)
        {
            // Nothing below U+0300 composes or is replaced: the common case costs one scan.
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var at = Replaced.AsSpan().BinarySearch(c);
            if (at >= 0)
            {
                foreach (var replacement in Replacements.AsSpan(3 * at, 3))
                {
                    if (replacement != '\0')
                    {
                        AppendComposing(builder, replacement);
                    }
                }

                continue;
            }

            AppendComposing(builder, c);
        }

        return builder.ToString();
    }

    private static void AppendComposing(System.Text.StringBuilder builder, char c)
    {
        if (builder.Length > 0 && Composite(builder[^1], c) is { } composite)
        {
            builder[^1] = composite;
            return;
        }

        builder.Append(c);
    }

    private static char? Composite(char first, char second)
    {
        // Hangul (Unicode section 3.12): lead + vowel -> LV syllable; LV syllable + trail -> LVT syllable.
        if (first is >= (char)JamoLeadFirst and < (char)(JamoLeadFirst + 19) && second is >= (char)JamoVowelFirst and < (char)(JamoVowelFirst + VowelCount))
        {
            return (char)(HangulFirst + ((((first - JamoLeadFirst) * VowelCount) + (second - JamoVowelFirst)) * TrailCount));
        }

        if (first is >= (char)HangulFirst and <= (char)HangulLast && (first - HangulFirst) % TrailCount == 0
            && second is > (char)JamoTrailFirst and < (char)(JamoTrailFirst + TrailCount))
        {
            return (char)(first + (second - JamoTrailFirst));
        }

        // PairFirsts is sorted, and within one first character PairSeconds is sorted.
        var low = PairFirsts.AsSpan().IndexOf(first);
        if (low < 0)
        {
            return null;
        }

        for (var i = low; i < PairFirsts.Length && PairFirsts[i] == first; i++)
        {
            if (PairSeconds[i] == second)
            {
                return PairComposites[i];
            }
        }

        return null;
    }
}
