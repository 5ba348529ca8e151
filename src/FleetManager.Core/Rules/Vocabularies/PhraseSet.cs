using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// Folded words and phrases of a vocabulary key, found in folded text as whole words (a phrase must not
/// start or end inside a word). Vectorized searches find the candidates; only there are the phrases
/// compared.
/// </summary>
/// <remarks>
/// Why several searches: a <see cref="SearchValues{T}"/> of strings is vectorized only when every phrase is
/// ASCII (and there are at most 80 of them, each of two characters or more: <see cref="PhrasesPerSearch"/>);
/// one Greek or Cyrillic phrase turns the whole search into a character-by-character automaton
/// with a dictionary look-up per character (the largest single cost of the rules engine in a profile of
/// the import). So the ASCII phrases are searched on their own, and the others only in a text that
/// contains one of their non-ASCII characters (most texts contain none). The earliest candidate of the
/// two searches is the earliest candidate of one search over all phrases, so the answer is the same.
/// </remarks>
public sealed class PhraseSet
{
    /// <summary>
    /// At most this many phrases share one vectorized search: .NET builds a Teddy search (a few vector instructions per
    /// 16 characters) only for up to 80 strings of two characters or more, and falls back to Aho-Corasick, a dictionary
    /// look-up per character, for a larger set (the largest single cost of the rules engine in the import's profile,
    /// docs/benchmarks.md). Several Teddy searches over the text cost less than one Aho-Corasick walk.
    /// </summary>
    internal const int PhrasesPerSearch = 64;

    /// <summary>The ASCII phrases of two characters or more, in searches of at most <see cref="PhrasesPerSearch"/> each.</summary>
    private readonly SearchValues<string>[] asciiSearches;

    /// <summary>The one-character ASCII phrases ("i", "&amp;"), which no string search of .NET vectorizes, as characters.</summary>
    private readonly SearchValues<char>? asciiSingles;

    private readonly SearchValues<string>? otherSearch;

    /// <summary>The first non-ASCII character of each non-ASCII phrase: a text without any cannot hold one.</summary>
    private readonly FrozenSet<char> otherFirstLetters;

    /// <summary>The phrases by first character, longest first, to tell which one matched where the search stopped.</summary>
    private readonly Dictionary<char, string[]> byFirst;

    /// <summary>Builds the set from phrases as written; they are folded here.</summary>
    public PhraseSet(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var folded = phrases.Select(p => TextFold.Fold(p).Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        Count = folded.Length;
        string[] ascii = [.. folded.Where(p => Ascii.IsValid(p))];
        string[] other = [.. folded.Where(p => !Ascii.IsValid(p))];
        // Sorted, so that each search holds phrases with similar beginnings (fewer of Teddy's candidates to verify).
        asciiSearches = [.. ascii.Where(p => p.Length > 1).Order(StringComparer.Ordinal).Chunk(PhrasesPerSearch).Select(c => SearchValues.Create(c, StringComparison.Ordinal))];
        var singles = ascii.Where(p => p.Length == 1).Select(p => p[0]).ToArray();
        asciiSingles = singles.Length > 0 ? SearchValues.Create(singles) : null;
        otherSearch = other.Length > 0 ? SearchValues.Create(other, StringComparison.Ordinal) : null;
        otherFirstLetters = other.Select(p => p[p.AsSpan().IndexOfAnyExceptInRange('\0', '\x7F')]).ToFrozenSet();
        byFirst = folded.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
    }

    /// <summary>Builds the set of one key in every language of the catalog.</summary>
    public static PhraseSet Of(params string[] keys) => new(keys.SelectMany(k => VocabularyCatalog.Words(k).Select(w => w.Word)));

    /// <summary>The number of distinct folded phrases.</summary>
    public int Count { get; }

    /// <summary>True when a phrase occurs in <paramref name="foldedText"/> as whole words.</summary>
    public bool IsIn(ReadOnlySpan<char> foldedText) => Find(foldedText, out _) >= 0;

    /// <summary>True when <paramref name="foldedText"/>, after its leading white space, starts with a phrase (as a whole word).</summary>
    public bool Opens(ReadOnlySpan<char> foldedText) => Count > 0 && Find(foldedText.TrimStart(), out _) == 0;

    /// <summary>Folds <paramref name="text"/> and looks for a phrase in it.</summary>
    public bool IsInText(ReadOnlySpan<char> text) => Count > 0 && IsIn(TextFold.Fold(text));

    /// <summary>
    /// Every whole-word phrase in <paramref name="foldedText"/>, left to right, each search resuming after the previous
    /// match (so matches never overlap): the loop the readers that look at each hit in turn share.
    /// </summary>
    public IEnumerable<(int Index, int Length)> Matches(string foldedText)
    {
        ArgumentNullException.ThrowIfNull(foldedText);
        var offset = 0;
        while (offset < foldedText.Length)
        {
            var at = Find(foldedText.AsSpan(offset), out var length);
            if (at < 0)
            {
                yield break;
            }

            var index = offset + at;
            offset = index + length;
            yield return (index, length);
        }
    }

    /// <summary>The index of the first whole-word phrase in <paramref name="foldedText"/>, or -1; <paramref name="length"/> is its length.</summary>
    public int Find(ReadOnlySpan<char> foldedText, out int length)
    {
        length = 0;
        var offset = 0;

        // The next candidate of each search at or after offset (int.MaxValue: none left); each search runs again only
        // once offset has passed its candidate. The ASCII searches first, then the one-character phrases, then the others.
        var searches = asciiSearches.Length;
        Span<int> next = searches <= 16 ? stackalloc int[searches + 2] : new int[searches + 2];
        next.Fill(-1);
        next[searches] = asciiSingles is null ? int.MaxValue : -1;
        next[searches + 1] = otherSearch is not null && HasOtherFirstLetter(foldedText) ? -1 : int.MaxValue;
        while (offset < foldedText.Length)
        {
            var at = int.MaxValue;
            for (var k = 0; k < next.Length; k++)
            {
                if (next[k] < offset)
                {
                    next[k] = k < searches ? NextCandidate(asciiSearches[k], foldedText, offset)
                        : k == searches ? NextCharacter(asciiSingles!, foldedText, offset)
                        : NextCandidate(otherSearch, foldedText, offset);
                }

                at = Math.Min(at, next[k]);
            }

            if (at == int.MaxValue)
            {
                return -1;
            }

            if (at == 0 || !char.IsLetterOrDigit(foldedText[at - 1]))
            {
                foreach (var phrase in byFirst[foldedText[at]])
                {
                    var end = at + phrase.Length;
                    if (foldedText[at..].StartsWith(phrase, StringComparison.Ordinal) && (end == foldedText.Length || !char.IsLetterOrDigit(foldedText[end])))
                    {
                        length = phrase.Length;
                        return at;
                    }
                }
            }

            // A phrase starts only where no letter or digit precedes it: skip the rest of the word the
            // search stopped in rather than restarting the search at every one of its characters (short
            // phrases such as "re" or "i" occur inside most words).
            offset = at + 1;
            while (offset < foldedText.Length && char.IsLetterOrDigit(foldedText[offset - 1]))
            {
                offset++;
            }
        }

        return -1;
    }

    /// <remarks>
    /// Jumps from one non-ASCII character to the next (a vectorized range test) and looks each up: a set of
    /// scattered non-ASCII characters as <see cref="SearchValues{T}"/> is a probabilistic map whose shuffles
    /// cost more than the whole search they were meant to save.
    /// </remarks>
    private bool HasOtherFirstLetter(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyExceptInRange('\0', '\x7F');
        while (at >= 0)
        {
            if (otherFirstLetters.Contains(text[at]))
            {
                return true;
            }

            var next = text[(at + 1)..].IndexOfAnyExceptInRange('\0', '\x7F');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static int NextCharacter(SearchValues<char> search, ReadOnlySpan<char> text, int offset)
    {
        var hit = text[offset..].IndexOfAny(search);
        return hit < 0 ? int.MaxValue : offset + hit;
    }

    private static int NextCandidate(SearchValues<string>? search, ReadOnlySpan<char> text, int offset)
    {
        if (search is null)
        {
            return int.MaxValue;
        }

        var hit = text[offset..].IndexOfAny(search);
        return hit < 0 ? int.MaxValue : offset + hit;
    }
}
