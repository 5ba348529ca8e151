using System.Buffers;
using System.Text;

namespace FleetManager.Core.Rules;

/// <summary>
/// A cheap exact pre-check for one vocabulary pattern: every match of the pattern holds one of the
/// ASCII words or one of the anchor letters literally (case-insensitively), so a text with none of
/// them cannot match and the pattern need not run. Answers "could the pattern match here", never
/// "does it". This is the form for the classifier's long vocabularies (ASCII words plus anchor
/// letters, see the remarks); the field readers' short keyword lists, which may hold non-ASCII words,
/// use <see cref="KeywordSet"/>, which shares <see cref="HasOddCaseLetter"/> with it.
/// </summary>
/// <remarks>
/// Why: the classifier's vocabularies are long alternations that the regex engine can only start at
/// a set of common letters, so on a message without any of the words it tries almost every position;
/// one vectorized multi-word search is many times cheaper. The words are ASCII because only then is
/// that search vectorized (a non-ASCII word makes it fall back to a much slower character-by-character
/// automaton); a vocabulary word with no usable ASCII part (Cyrillic, "számla") is stood in for by one
/// of its non-ASCII letters instead, an anchor. Case-insensitive regex matching equates each letter
/// with its other case, and <c>k</c> also with the Kelvin sign (U+212A), which ordinal-ignore-case
/// search does not; anchors therefore include both cases, and the Kelvin sign is an anchor whenever a
/// word has a <c>k</c>. ClassificationPrechecksTests checks all of this for every UTF-16 character.
/// </remarks>
internal sealed class KeywordPrecheck
{
    private const char KelvinSign = '\u212A';

    private readonly SearchValues<string> words;

    private readonly SearchValues<char> anchors;

    /// <param name="words">ASCII words; each alternative of the pattern holds one of them.</param>
    /// <param name="anchorLetters">Non-ASCII letters (either case) standing in for the alternatives that hold no ASCII word.</param>
    public KeywordPrecheck(string[] words, string anchorLetters = "")
    {
        if (words.Any(w => !Ascii.IsValid(w)))
        {
            throw new ArgumentException("Pre-check words must be ASCII; stand in for a non-ASCII word with an anchor letter.", nameof(words));
        }

        Words = words;
        var anchorSet = new HashSet<char>();
        foreach (var letter in anchorLetters)
        {
            anchorSet.Add(char.ToLowerInvariant(letter));
            anchorSet.Add(char.ToUpperInvariant(letter));
        }

        if (words.Any(w => w.Contains('k', StringComparison.OrdinalIgnoreCase)))
        {
            anchorSet.Add(KelvinSign);
        }

        Anchors = new string([.. anchorSet.Order()]);
        this.words = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        anchors = SearchValues.Create(Anchors);
    }

    /// <summary>The ASCII words, one of which every alternative without an anchor letter holds.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The anchor characters, both cases and the Kelvin sign included.</summary>
    public string Anchors { get; }

    /// <summary>False when <paramref name="text"/> cannot hold a match of the pattern.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => text.IndexOfAny(words) >= 0 || (Anchors.Length > 0 && text.IndexOfAny(anchors) >= 0);

    /// <summary>
    /// Characters that a case-insensitive regex treats as an ASCII or common letter but an ordinal
    /// case-insensitive search may not (Kelvin sign ≈ k, long s ≈ s, Ångström sign ≈ å, dotted and
    /// dotless i, capital sharp s, micro sign). When one occurs, the keyword test answers "may match".
    /// </summary>
    /// <remarks>
    /// Two sets of four, not one of eight: a set of up to five characters is searched with plain vector
    /// compares, while eight scattered non-ASCII characters make a probabilistic map that was a few percent
    /// of the whole import's CPU (the test runs on every block that has a non-ASCII character).
    /// </remarks>
    private static readonly SearchValues<char> OddCaseLettersLow = SearchValues.Create("\u00B5\u0130\u0131\u017F");

    private static readonly SearchValues<char> OddCaseLettersHigh = SearchValues.Create("\u1E9B\u1E9E\u212A\u212B");

    /// <summary>
    /// True when <paramref name="text"/> has one of the odd-case letters, where a keyword test must answer
    /// "may match". They are all non-ASCII, so text without a non-ASCII character (a vectorized range
    /// test) has none.
    /// </summary>
    internal static bool HasOddCaseLetter(ReadOnlySpan<char> text)
        => text.ContainsAnyExceptInRange('\0', '\u007F') && (text.ContainsAny(OddCaseLettersLow) || text.ContainsAny(OddCaseLettersHigh));
}
