using System.Text;
using FleetManager.Core.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// Turns a place name into the key the gazetteer is indexed by: <see cref="TextFold.FoldLettersAndDigits"/>
/// split into words, "Saint"/"Sankt"/"St" (and "Sainte"/"Ste") made one word, and the words joined
/// without spaces so "Saint-Vulbas", "St. Vulbas" and "St Vulbas" all give <c>stvulbas</c>.
/// </summary>
internal static class PlaceNameKey
{
    // Per-character results of TextFold.Fold, filled on first use. TextFold folds one character
    // at a time, so caching per character gives the same text at a fraction of the cost; the
    // gazetteer folds a few hundred thousand names while loading.
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

    /// <summary>The words of <paramref name="name"/>, folded, exactly as <see cref="TextFold.FoldLettersAndDigits"/> splits them.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>(4);
        var word = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            string folded;
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    word.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                }
                else
                {
                    Flush(words, word);
                }

                continue;
            }

            if (char.IsSurrogate(c))
            {
                // Rare outside the Basic Multilingual Plane; fold the pair the slow, exact way.
                var length = i + 1 < name.Length && char.IsSurrogatePair(c, name[i + 1]) ? 2 : 1;
                folded = TextFold.Fold(name.AsSpan(i, length));
                i += length - 1;
            }
            else
            {
                folded = FoldedChars[c] ??= TextFold.Fold([c]);
            }

            foreach (var f in folded)
            {
                if (char.IsLetterOrDigit(f))
                {
                    word.Append(f);
                }
                else
                {
                    Flush(words, word);
                }
            }
        }

        Flush(words, word);
        return words;
    }

    /// <summary>The index key of a whole name.</summary>
    public static string Of(string name)
    {
        var words = Words(name);
        return Join(words, words.Count);
    }

    /// <summary>The key of the first <paramref name="count"/> words.</summary>
    public static string Join(List<string> words, int count)
    {
        var builder = new StringBuilder(32);
        for (var i = 0; i < count; i++)
        {
            builder.Append(words[i] switch
            {
                "saint" or "sankt" or "st" => "st",
                "sainte" or "ste" => "ste",
                var w => w,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Position of the first qualifier word after the core name, or -1: 2 for
    /// "frankfurt am main" (index side, whole words only).
    /// </summary>
    public static int QualifierStart(List<string> words) => QualifierStart(words, QualifierWords);

    /// <summary>As <see cref="QualifierStart(List{string})"/>, also accepting the one-letter abbreviations of queries.</summary>
    public static int QueryQualifierStart(List<string> words) => QualifierStart(words, QueryQualifierWords);

    /// <summary>
    /// German and Danish spellings without umlaut letters: "München" is also written "Muenchen",
    /// "Århus" "Aarhus". Null when <paramref name="name"/> has none of those letters.
    /// </summary>
    public static string? TranscribeUmlauts(string name)
    {
        if (name.AsSpan().IndexOfAny("äöüÄÖÜåÅ") < 0)
        {
            return null;
        }

        return name.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("Ä", "Ae", StringComparison.Ordinal)
            .Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal);
    }

    private static int QualifierStart(List<string> words, HashSet<string> qualifiers)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (qualifiers.Contains(words[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
