using System.Buffers;
using System.Text;

namespace FleetManager.Core.Rules;

/// <summary>
/// The field readers' keyword pre-check for one case-insensitive pattern: <see cref="MayContain"/> is
/// true when the text contains one of the keywords (ordinal, ignoring case) or a letter whose case
/// folding a case-insensitive regex and an ordinal search do not share
/// (<see cref="KeywordPrecheck.HasOddCaseLetter"/>): exactly the answer of one ordinal case-insensitive
/// search for all the keywords plus that letter test, only faster.
/// </summary>
/// <remarks>
/// Why: a <see cref="SearchValues{T}"/> of strings that ignores case is vectorized only when every word
/// is ASCII; one non-ASCII word ("zamówienia", "заявка") turns the whole search into a
/// character-by-character automaton with a dictionary look-up per character, many times slower. So the
/// ASCII words are searched on their own (one vectorized search), and the other words only where they
/// can occur: each has an anchor, a non-ASCII character that ignoring case (ordinally) equals no ASCII
/// character, so a match needs a non-ASCII character of the text (most texts have none); where the text
/// has a case variant of an anchor, the keywords with that anchor are compared in place.
/// </remarks>
internal sealed class KeywordSet
{
    private readonly SearchValues<string>? asciiWords;

    /// <summary>The non-ASCII keywords, each with the index of its anchor character.</summary>
    private readonly (string Word, int Anchor)[] otherWords;

    /// <summary>Every character equal (ignoring case) to an anchor character of <see cref="otherWords"/>.</summary>
    private readonly SearchValues<char> anchors;

    /// <param name="keywords">Keywords; each match of the pattern contains one of them (ordinal, ignoring case).</param>
    public KeywordSet(params string[] keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var ascii = new List<string>();
        var other = new List<(string, int)>();
        var anchorLetters = new HashSet<char>();
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

            var anchor = AnchorOf(keyword);
            if (anchor < 0)
            {
                throw new ArgumentException($"Every non-ASCII keyword needs a character that no ASCII character equals ignoring case: \"{keyword}\".", nameof(keywords));
            }

            other.Add((keyword, anchor));
            anchorLetters.Add(keyword[anchor]);
        }

        Keywords = keywords;
        asciiWords = ascii.Count > 0 ? SearchValues.Create([.. ascii], StringComparison.OrdinalIgnoreCase) : null;
        otherWords = [.. other];
        Anchors = CaseVariantsOf(anchorLetters);
        anchors = SearchValues.Create(Anchors);
    }

    /// <summary>
    /// A set for keywords that come from data (the language files), or null when one of them has no
    /// anchor character and so cannot be pre-checked (the caller then runs its pattern without one).
    /// </summary>
    public static KeywordSet? TryCreate(IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        string[] words = [.. keywords];
        foreach (var word in words)
        {
            if (word.Length == 0 || (!Ascii.IsValid(word) && AnchorOf(word) < 0))
            {
                return null;
            }
        }

        return words.Length == 0 ? null : new KeywordSet(words);
    }

    /// <summary>The keywords as given.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>Every character that is an anchor letter in some case (see the remarks).</summary>
    public string Anchors { get; }

    /// <summary>
    /// True when <paramref name="text"/> contains one of the keywords (ordinal, ignoring case) or a
    /// letter whose case folding differs (see <see cref="KeywordPrecheck.HasOddCaseLetter"/>).
    /// </summary>
    public bool MayContain(ReadOnlySpan<char> text)
    {
        if (asciiWords is not null && text.ContainsAny(asciiWords))
        {
            return true;
        }

        // The non-ASCII keywords' anchors and the odd-case letters are all non-ASCII characters.
        var first = text.IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
        {
            return false;
        }

        if (KeywordPrecheck.HasOddCaseLetter(text[first..]))
        {
            return true;
        }

        if (otherWords.Length == 0)
        {
            return false;
        }

        // Each occurrence of a non-ASCII keyword has a case variant of its anchor letter where the
        // keyword has it; look for those letters and compare the keywords there.
        for (var at = first; at < text.Length;)
        {
            var found = text[at..].IndexOfAny(anchors);
            if (found < 0)
            {
                return false;
            }

            at += found;
            foreach (var (word, anchor) in otherWords)
            {
                var start = at - anchor;
                if (start >= 0 && start + word.Length <= text.Length
                    && text.Slice(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            at++;
        }

        return false;
    }

    /// <summary>
    /// The index of the first character of <paramref name="word"/> that, ignoring case ordinally, equals
    /// no ASCII character (so only a non-ASCII character of a text matches it); -1 when there is none.
    /// </summary>
    private static int AnchorOf(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (Ascii.IsValid(word[i]))
            {
                continue;
            }

            var equalsAscii = false;
            for (var a = '\0'; a <= '\u007F'; a++)
            {
                if (string.Equals(a.ToString(), word[i].ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    equalsAscii = true;
                    break;
                }
            }

            if (!equalsAscii)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Every UTF-16 character with the same invariant upper or lower case as one of <paramref name="letters"/>:
    /// the characters that ordinal ignore-case comparison equates with them (KeywordSetTests checks this
    /// for every character against every anchor letter of the readers' keywords).
    /// </summary>
    private static string CaseVariantsOf(HashSet<char> letters)
    {
        var uppers = letters.Select(char.ToUpperInvariant).ToHashSet();
        var lowers = letters.Select(char.ToLowerInvariant).ToHashSet();
        var variants = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (letters.Contains(ch) || uppers.Contains(char.ToUpperInvariant(ch)) || lowers.Contains(char.ToLowerInvariant(ch)))
            {
                variants.Append(ch);
            }
        }

        return variants.ToString();
    }
}
