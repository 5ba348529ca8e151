using System.Buffers;
using System.Runtime.CompilerServices;
using FleetManager.Core.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// Turns a place name into the key the gazetteer is indexed by: <see cref="TextFold.FoldLettersAndDigits"/>
/// split into words, "Saint"/"Sankt"/"St" (and "Sainte"/"Ste") made one word, and the words joined
/// without spaces so "Saint-Vulbas", "St. Vulbas" and "St Vulbas" all give <c>stvulbas</c>.
/// </summary>
/// <remarks>
/// Works on spans because the gazetteer keys a few hundred thousand names while loading; the
/// result equals folding with <see cref="TextFold"/> (a test holds the two together).
/// </remarks>
internal static class PlaceNameKey
{
    /// <summary>Longest name keyed; longer input is cut (no place name comes near it).</summary>
    public const int MaxFoldedLength = 256;

    /// <summary>The letters German and Nordic names transcribe (ä → ae, å → aa); a name without them needs no second key.</summary>
    public static readonly SearchValues<char> Umlauts = SearchValues.Create("äöüÄÖÜåÅ");

    // Per-character results of TextFold.Fold, filled on first use. TextFold folds one character
    // at a time, so caching per character gives the same text at a fraction of the cost.
    private static readonly string?[] FoldedChars = new string?[char.MaxValue + 1];

    /// <summary>
    /// Words that start a qualifier after a place's core name in the index ("Frankfurt am Main",
    /// "Rožnov pod Radhoštěm", "Châlons-en-Champagne", "Mareno di Piave", "Alphen aan den Rijn").
    /// </summary>
    private static readonly HashSet<string> QualifierWords = new(StringComparer.Ordinal)
    {
        "am", "an", "im", "in", "ob", "bei", "nad", "pod", "u", "sur", "en", "di", "bij", "aan", "upon", "on",
    };

    /// <summary>Qualifier words plus the abbreviations written in addresses: "a. M.", "i. Br.", "n. L.", "p. R.", "a.d.".</summary>
    private static readonly HashSet<string> QueryQualifierWords = new(QualifierWords, StringComparer.Ordinal)
    {
        "a", "i", "n", "p", "b", "ad",
    };

    /// <summary>
    /// Folds <paramref name="name"/> into <paramref name="destination"/> as <see cref="TextFold.FoldLettersAndDigits"/>
    /// would: lower case, no diacritics, letters and digits only, words separated by one space.
    /// </summary>
    /// <returns>The number of characters written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FoldWords(ReadOnlySpan<char> name, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (!Append(destination, ref length, ref pendingSpace, c is >= 'A' and <= 'Z' ? (char)(c + 32) : c))
                    {
                        return length;
                    }
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            string folded;
            if (char.IsSurrogate(c))
            {
                // Rare outside the Basic Multilingual Plane: fold the pair the slow, exact way.
                var pair = i + 1 < name.Length && char.IsSurrogatePair(c, name[i + 1]) ? 2 : 1;
                folded = TextFold.Fold(name.Slice(i, pair));
                i += pair - 1;
            }
            else
            {
                folded = FoldedChars[c] ??= TextFold.Fold([c]);
            }

            foreach (var f in folded)
            {
                if (char.IsLetterOrDigit(f))
                {
                    if (!Append(destination, ref length, ref pendingSpace, f))
                    {
                        return length;
                    }
                }
                else
                {
                    pendingSpace = true;
                }
            }
        }

        return length;
    }

    /// <summary>
    /// Writes the key of the folded words in <paramref name="folded"/> to <paramref name="destination"/>.
    /// </summary>
    /// <param name="folded">Output of <see cref="FoldWords"/>.</param>
    /// <param name="destination">At least as long as <paramref name="folded"/>.</param>
    /// <param name="qualifierKeyLength">Length of the key up to the first qualifier word after the
    /// first word ("frankfurt" of "frankfurt am main"), or -1 when there is none.</param>
    /// <returns>The key's length.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int KeyOfFolded(ReadOnlySpan<char> folded, Span<char> destination, out int qualifierKeyLength)
    {
        qualifierKeyLength = -1;
        var length = 0;
        var wordIndex = 0;
        while (!folded.IsEmpty)
        {
            var space = folded.IndexOf(' ');
            var word = space < 0 ? folded : folded[..space];
            folded = space < 0 ? [] : folded[(space + 1)..];
            if (wordIndex > 0 && qualifierKeyLength < 0 && IsQualifierWord(word))
            {
                qualifierKeyLength = length;
            }

            ReadOnlySpan<char> canonical = word switch
            {
                "saint" or "sankt" or "st" => "st",
                "sainte" or "ste" => "ste",
                _ => word,
            };
            canonical.CopyTo(destination[length..]);
            length += canonical.Length;
            wordIndex++;
        }

        return length;
    }

    /// <summary>The words of <paramref name="name"/>, folded as <see cref="TextFold.FoldLettersAndDigits"/> splits them.</summary>
    public static List<string> Words(string name)
    {
        Span<char> buffer = stackalloc char[MaxFoldedLength];
        var length = FoldWords(name, buffer);
        return [.. new string(buffer[..length]).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The index key of a whole name.</summary>
    public static string Of(string name)
    {
        Span<char> folded = stackalloc char[MaxFoldedLength];
        var length = FoldWords(name, folded);
        Span<char> key = stackalloc char[MaxFoldedLength];
        var keyLength = KeyOfFolded(folded[..length], key, out _);
        return new string(key[..keyLength]);
    }

    /// <summary>The key of the first <paramref name="count"/> words.</summary>
    public static string Join(List<string> words, int count) => Of(string.Join(' ', words.Take(count)));

    /// <summary>
    /// Position of the first qualifier word after the core name, accepting the one-letter
    /// abbreviations of addresses too, or -1: 1 for "frankfurt a m".
    /// </summary>
    public static int QueryQualifierStart(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (QueryQualifierWords.Contains(words[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// German and Danish spellings without umlaut letters: "München" is also written "Muenchen",
    /// "Århus" "Aarhus". Null when <paramref name="name"/> has none of those letters.
    /// </summary>
    public static string? TranscribeUmlauts(string name)
    {
        if (name.AsSpan().IndexOfAny(Umlauts) < 0)
        {
            return null;
        }

        return name.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("Ä", "Ae", StringComparison.Ordinal)
            .Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal);
    }

    // The words of QualifierWords as a switch: the index checks every word of every name.
    private static bool IsQualifierWord(ReadOnlySpan<char> word) => word switch
    {
        "am" or "an" or "im" or "in" or "ob" or "bei" or "nad" or "pod" or "u" or "sur" or "en" or "di" or "bij" or "aan" or "upon" or "on" => true,
        _ => false,
    };

    private static bool Append(Span<char> destination, ref int length, ref bool pendingSpace, char c)
    {
        var needed = pendingSpace && length > 0 ? 2 : 1;
        if (length + needed > destination.Length)
        {
            return false;
        }

        if (needed == 2)
        {
            destination[length++] = ' ';
        }

        destination[length++] = c;
        pendingSpace = false;
        return true;
    }
}
