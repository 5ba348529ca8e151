using System.Buffers;
using System.Text;

namespace FleetManager.Core.Rules;

/// <summary>
/// The field readers' keyword pre-check for one case-insensitive pattern: <see cref="MayContain"/> is
/// true when the text contains one of the keywords (ordinal, ignoring case) or a letter whose case
/// folding a case-insensitive regex and an ordinal search do not share. Gives exactly the answer of
/// <see cref="KeywordPrecheck.MayContain"/> with the same keywords, only faster.
/// </summary>
/// <remarks>
/// Why: a <see cref="SearchValues{T}"/> of strings that ignores case is vectorized only when every word
/// is ASCII; one non-ASCII word ("zamówienia", "заявка") turns the whole search into a
/// character-by-character automaton with a dictionary look-up per character, many times slower. So the
/// ASCII words are searched on their own, and the other words only where they can occur: each has a
/// non-ASCII character, which ignoring case (ordinally) equals no ASCII character, so a match needs a
/// non-ASCII character of the text; most texts have none, and in the others the search is confined to
/// around the first and last of them. The constructor checks that premise for every keyword.
/// </remarks>
internal sealed class KeywordSet
{
    private readonly SearchValues<string>? asciiWords;

    private readonly SearchValues<string>? otherWords;

    /// <summary>The length of the longest non-ASCII keyword: how far before a text's first non-ASCII character one may start.</summary>
    private readonly int otherWordsMaxLength;

    /// <param name="keywords">Keywords; each match of the pattern contains one of them (ordinal, ignoring case).</param>
    public KeywordSet(params string[] keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var ascii = new List<string>();
        var other = new List<string>();
        foreach (var keyword in keywords)
        {
            if (keyword.Length == 0)
            {
                throw new ArgumentException("Keywords must not be empty.", nameof(keywords));
            }

            if (Ascii.IsValid(keyword))
            {
                ascii.Add(keyword);
                continue;
            }

            if (!HasCharacterOnlyNonAsciiMatches(keyword))
            {
                throw new ArgumentException($"Every non-ASCII keyword needs a character that no ASCII character equals ignoring case: \"{keyword}\".", nameof(keywords));
            }

            other.Add(keyword);
            otherWordsMaxLength = Math.Max(otherWordsMaxLength, keyword.Length);
        }

        Keywords = keywords;
        asciiWords = ascii.Count > 0 ? SearchValues.Create([.. ascii], StringComparison.OrdinalIgnoreCase) : null;
        otherWords = other.Count > 0 ? SearchValues.Create([.. other], StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>The keywords as given.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>
    /// True when <paramref name="text"/> contains one of the keywords (ordinal, ignoring case) or a
    /// letter whose case folding differs (see <see cref="KeywordPrecheck.MayContain"/>).
    /// </summary>
    public bool MayContain(ReadOnlySpan<char> text)
    {
        if (asciiWords is not null && text.ContainsAny(asciiWords))
        {
            return true;
        }

        // The non-ASCII keywords and the odd-case letters each need a non-ASCII character of the text.
        var first = text.IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return false;
        }

        if (KeywordPrecheck.HasOddCaseLetter(text[first..]))
        {
            return true;
        }

        if (otherWords is null)
        {
            return false;
        }

        // A match holds a non-ASCII character, so it ends after the first one and starts before the last one.
        var last = text.LastIndexOfAnyExceptInRange('\0', '\u007F');
        var from = Math.Max(0, first - (otherWordsMaxLength - 1));
        var to = Math.Min(text.Length, last + otherWordsMaxLength);
        return text[from..to].ContainsAny(otherWords);
    }

    /// <summary>True when <paramref name="word"/> has a character that, ignoring case ordinally, equals no ASCII character.</summary>
    private static bool HasCharacterOnlyNonAsciiMatches(string word)
    {
        foreach (var c in word)
        {
            if (Ascii.IsValid(c))
            {
                continue;
            }

            var equalsAscii = false;
            for (var a = '\0'; a <= '\u007F'; a++)
            {
                if (string.Equals(a.ToString(), c.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    equalsAscii = true;
                    break;
                }
            }

            if (!equalsAscii)
            {
                return true;
            }
        }

        return false;
    }
}
