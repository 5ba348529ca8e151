using System.Buffers;
using System.Text.RegularExpressions;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Pallet counts in the words of the language files (<c>unit.pallet</c>): "22 st EUR-pall", "16 EUR-lavaa",
/// "18 παλέτες", "33 палети EUR", and pallet counts added up ("14 EUR-pall + 4 halvpall" is 18). Also
/// tells where "EUR" is a pallet type rather than a currency.
/// </summary>
internal static class PalletVocabulary
{
    /// <summary>The folded pallet words, with an "eur-"/"euro" prefix also removed ("eur-pall" gives "pall").</summary>
    private static readonly HashSet<string> Words = BuildWords();

    /// <summary>The pallet words as the files write them and folded, for the pattern (the text is not folded).</summary>
    /// Phrases of several words ("miejsc paletowych", pallet places) are a truck's capacity, not the cargo's count: left out.
    private static readonly HashSet<string> Forms = [.. Words.Where(w => !w.Contains(' ', StringComparison.Ordinal)), .. VocabularyCatalog.Words("unit.pallet").Select(w => w.Word).Where(w => !w.Contains(' ', StringComparison.Ordinal) && !w.Equals("lava", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Words naming a kind of pallet between the count and the pallet word ("33 EUR pallets", "22 one-way pallets",
    /// "14 palety jednorazowe" has it after and needs none): the files' <c>unit.pallet.kind</c>, as written and folded.
    /// </summary>
    private static readonly HashSet<string> Kinds =
        [.. new[] { "eur", "euro", "epal" }, .. VocabularyCatalog.Folded("unit.pallet.kind"), .. VocabularyCatalog.Words("unit.pallet.kind").Select(w => w.Word.Trim().ToLowerInvariant())];

    /// <summary>The piece-count abbreviations the pattern allows between the count and the words ("22 st EUR-pall", "33 бр палети").</summary>
    private static readonly string[] Units = ["st", "stk", "kpl", "ks", "szt", "db", "tk", "vnt", "бр", "шт", "adet", "x"];

    /// <summary>
    /// A pallet count in the files' words. Anchored (\G): built from the data at run time, this pattern runs in
    /// the regex interpreter, and scanning every position of a block with it cost a tenth of the whole import;
    /// it is tried only where a number starts (<see cref="NextMatch"/>), the only places it can match.
    /// </summary>
    private static readonly Regex Phrase = new(
        @"\G(?<![\w.,/-])(?<n>\d{1,3})[ \t\u00A0]*(?:(?:" + string.Join("|", Units) + @")\.?[ \t\u00A0]*)?(?:(?:"
        + string.Join("|", Kinds.OrderByDescending(w => w.Length).Select(Regex.Escape))
        + @")[ \t\u00A0\-]*)?(?<w>"
        + string.Join("|", Forms.OrderByDescending(w => w.Length).Select(Regex.Escape))
        + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// What the first two characters of a match's words can be: every unit, kind and pallet word the pattern can begin its
    /// words with, lower case (<see cref="WordStarts.MayBeginAt"/>).
    /// </summary>
    private static readonly WordStarts Starts = WordStarts.Of([.. Units, .. Kinds, .. Forms]);

    /// <summary>Whether the words' first letters rule places out (false: the language files hold a word <see cref="WordStarts"/> cannot judge).</summary>
    internal static bool ChecksWordStarts => Starts.IsKnown;

    /// <summary>True when every pallet word starts with a letter, as <see cref="MayStartPhrase"/> assumes (the data could say otherwise).</summary>
    private static readonly bool FormsStartWithLetters = Forms.All(w => w.Length > 0 && char.IsLetter(w[0]));

    /// <summary>The pallet words as a pre-check of a block (null when the words cannot be pre-checked).</summary>
    private static readonly KeywordSet? Keywords = KeywordSet.TryCreate(Forms);

    /// <summary>Every ASCII character but the digits: what <see cref="NextMatch"/> skips without looking.</summary>
    private static readonly SearchValues<char> AsciiNonDigits = SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c)).ToArray());

    /// <summary>"+" or "&amp;" between two pallet counts of one line: they add up.</summary>
    private static readonly Regex Plus = new(@"\G[ \t\u00A0]*[+&][ \t\u00A0]*", RegexOptions.CultureInvariant);

    /// <summary>
    /// The pallet counts from <paramref name="start"/> to the end of <paramref name="input"/> (a text cut at its
    /// block's end, which the look-ahead after the pallet word sees as the end), "A pallets + B pallets" as one count.
    /// </summary>
    public static IEnumerable<(int Count, int Index, int Length)> Counts(string input, int start)
    {
        // Every match holds a pallet word; most blocks hold none.
        if (Keywords is not null && !Keywords.MayContain(input.AsSpan(start)))
        {
            yield break;
        }

        var match = NextMatch(input, start);
        while (match is not null)
        {
            var count = int.Parse(match.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var first = match;
            var last = match;
            var next = NextMatch(input, match.Index + match.Length);
            // Added counts ("14 EUR-pall + 4 halvpall") are one total; the look-ahead keeps the search linear.
            while (next is not null && Plus.Match(input, last.Index + last.Length) is { Success: true } plus && plus.Index + plus.Length == next.Index)
            {
                count += int.Parse(next.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                last = next;
                next = NextMatch(input, next.Index + next.Length);
            }

            yield return (count, first.Index, last.Index + last.Length - first.Index);
            match = next;
        }
    }

    /// <summary>
    /// The leftmost match of <see cref="Phrase"/> at or after <paramref name="from"/>: a match starts with a
    /// digit that follows no digit (the look-behind refuses a word character before it), so the anchored
    /// pattern is tried only there, which gives the matches an unanchored scan would give.
    /// </summary>
    private static Match? NextMatch(string input, int from)
    {
        for (var at = from; at < input.Length; at++)
        {
            // Jump (vectorized) to the next character that can be a digit: an ASCII digit or any non-ASCII
            // character (char.IsDigit, like the pattern's \d, also takes other scripts' digits).
            var candidate = input.AsSpan(at).IndexOfAnyExcept(AsciiNonDigits);
            if (candidate < 0)
            {
                break;
            }

            at += candidate;
            if (!char.IsDigit(input[at]) || (at > 0 && char.IsDigit(input[at - 1])) || !MayStartPhrase(input, at))
            {
                continue;
            }

            var match = Phrase.Match(input, at);
            if (match.Success)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Every match <see cref="Counts"/> reads, left to right, each search resuming after the previous match.</summary>
    internal static IEnumerable<(int Index, int Length)> Matches(string input)
    {
        for (var match = NextMatch(input, 0); match is not null; match = NextMatch(input, match.Index + match.Length))
        {
            yield return (match.Index, match.Length);
        }
    }

    /// <summary>
    /// The matches of the pattern tried at every position of <paramref name="input"/>, without any of the checks that
    /// spare it most positions: what <see cref="Matches"/> must give (the tests compare the two).
    /// </summary>
    internal static IEnumerable<(int Index, int Length)> MatchesOfPatternAlone(string input)
    {
        for (var at = 0; at < input.Length; at++)
        {
            var match = Phrase.Match(input, at);
            if (match.Success)
            {
                yield return (match.Index, match.Length);
                at = match.Index + match.Length - 1;
            }
        }
    }

    /// <summary>
    /// What every match starting at the digit run at <paramref name="at"/> shows before its words: at most three
    /// digits, then after spaces a letter (of a unit, "EUR" or a pallet word). Trying the interpreted pattern
    /// only there spares it the dates, postcodes and phone numbers that make up most digit runs.
    /// </summary>
    private static bool MayStartPhrase(string input, int at)
    {
        var end = at;
        while (end < input.Length && char.IsDigit(input[end]))
        {
            end++;
        }

        if (end - at > 3)
        {
            return false;
        }

        while (end < input.Length && input[end] is ' ' or '\t' or '\u00A0')
        {
            end++;
        }

        return end < input.Length && (char.IsLetter(input[end]) || !FormsStartWithLetters) && !FollowsWordCharacter(input, at) && Starts.MayBeginAt(input, end);
    }

    /// <summary>
    /// True when the character before <paramref name="at"/> is one the pattern's look-behind refuses and that is told
    /// without Unicode tables: an ASCII letter, digit or underscore (\w), or ".", ",", "/", "-" ("13,6 ldm", "1/33").
    /// </summary>
    private static bool FollowsWordCharacter(string input, int at) =>
        at > 0 && input[at - 1] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or ',' or '/' or '-';

    /// <summary>
    /// The lower-case first two characters of a set of words, to tell cheaply where none of them can begin (the pattern
    /// compares ignoring case): the interpreted pattern then need not run where a count is followed by "kg", "t" or "EUR"
    /// alone, most of the digit runs that reach it.
    /// </summary>
    /// <remarks>
    /// Only ASCII text is judged; at a non-ASCII character <see cref="MayBeginAt"/> answers true. That is exact as long as
    /// no word begins with a non-ASCII character whose other case is ASCII (the long s, the Kelvin sign, the Turkish
    /// dotless i), and none begins with a space: for such words no set is built and every place is tried.
    /// </remarks>
    private sealed class WordStarts
    {
        /// <summary>Words that cannot be judged by their first two characters: every place may begin one.</summary>
        private static readonly WordStarts Unknown = new([], []);

        private readonly HashSet<char> _singles;
        private readonly HashSet<(char, char)> _pairs;

        private WordStarts(HashSet<char> singles, HashSet<(char, char)> pairs)
        {
            _singles = singles;
            _pairs = pairs;
        }

        public static WordStarts Of(IEnumerable<string> words)
        {
            var singles = new HashSet<char>();
            var pairs = new HashSet<(char, char)>();
            foreach (var word in words)
            {
                var start = word.AsSpan(0, Math.Min(2, word.Length));
                if (start.Length > 0 && start[0] is ' ' or '\t' or '\u00A0')
                {
                    // The spaces before the words could be shared with the word: not judged by its first two characters.
                    return Unknown;
                }

                foreach (var c in start)
                {
                    if (!char.IsAscii(c) && (char.IsAscii(char.ToUpperInvariant(c)) || char.IsAscii(char.ToLowerInvariant(c))))
                    {
                        return Unknown;
                    }
                }

                if (start.Length == 1)
                {
                    singles.Add(char.ToLowerInvariant(start[0]));
                }
                else if (start.Length == 2)
                {
                    pairs.Add((char.ToLowerInvariant(start[0]), char.ToLowerInvariant(start[1])));
                }
            }

            return new WordStarts(singles, pairs);
        }

        /// <summary>False when the words could not be judged by their first two characters (every place is then tried).</summary>
        public bool IsKnown => !ReferenceEquals(this, Unknown);

        /// <summary>False only when no word can begin at <paramref name="at"/> (two ASCII characters that begin none of them).</summary>
        public bool MayBeginAt(string input, int at)
        {
            if (!IsKnown)
            {
                return true;
            }

            var first = input[at];
            if (!char.IsAscii(first) || _singles.Contains(char.ToLowerInvariant(first)))
            {
                return true;
            }

            if (at + 1 >= input.Length)
            {
                return false;
            }

            var second = input[at + 1];
            return !char.IsAscii(second) || _pairs.Contains((char.ToLowerInvariant(first), char.ToLowerInvariant(second)));
        }
    }

    /// <summary>
    /// Pallet counts written as a pallet word, a colon and the count inside a line ("Marfă: lactate, paleți: 14 EUR",
    /// "goods: tiles, pallets: 12"): the count is at most two digits, not a decimal and not a weight or a length.
    /// Found from the colons, so the cost is one pass over the block.
    /// </summary>
    public static IEnumerable<(int Count, int Index, int Length)> ColonCounts(string input, int start)
    {
        for (var colon = input.IndexOf(':', start); colon >= 0; colon = input.IndexOf(':', colon + 1))
        {
            var wordEnd = colon;
            var wordStart = wordEnd;
            while (wordStart > start && char.IsLetter(input[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordEnd - wordStart < 3 || !Words.Contains(TextFold.Fold(input.AsSpan(wordStart, wordEnd - wordStart))))
            {
                continue;
            }

            var at = colon + 1;
            while (at < input.Length && input[at] is ' ' or '\t' or '\u00A0')
            {
                at++;
            }

            var end = at;
            while (end < input.Length && end - at < 3 && char.IsAsciiDigit(input[end]))
            {
                end++;
            }

            if (end == at || end - at > 2 || (end < input.Length && (char.IsDigit(input[end]) || (input[end] is '.' or ',' && end + 1 < input.Length && char.IsDigit(input[end + 1])))) || UnitFollows(input, end))
            {
                continue;
            }

            yield return (int.Parse(input.AsSpan(at, end - at), System.Globalization.CultureInfo.InvariantCulture), at, end - at);
        }
    }

    /// <summary>True when a weight or length unit follows the number ending at <paramref name="end"/> ("12 t", "7 m", "13 ldm").</summary>
    private static bool UnitFollows(string input, int end)
    {
        var at = end;
        while (at < input.Length && input[at] is ' ' or '\u00A0')
        {
            at++;
        }

        var wordEnd = at;
        while (wordEnd < input.Length && char.IsLetter(input[wordEnd]))
        {
            wordEnd++;
        }

        var word = TextFold.Fold(input.AsSpan(at, wordEnd - at));
        return word is "t" or "kg" or "m" or "ldm" or "lm" or "to" or "tons" or "tonnes" or "kgs" || UnitWords.Contains(word);
    }

    /// <summary>The weight and loading-metre words of every language file: a number before them is not a pallet count.</summary>
    private static readonly HashSet<string> UnitWords =
        [.. VocabularyCatalog.Folded("unit.kg"), .. VocabularyCatalog.Folded("unit.tonne"), .. VocabularyCatalog.Folded("unit.ldm")];

    /// <summary>True when a pallet word follows <paramref name="index"/> directly or after "-" or a space ("EUR-pall", "EUR Paletten").</summary>
    public static bool IsPalletWordAt(string text, int index)
    {
        var at = index;
        while (at < text.Length && at - index < 2 && text[at] is '-' or ' ' or '\u00A0')
        {
            at++;
        }

        var end = at;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end == at)
        {
            return false;
        }

        var word = TextFold.Fold(text.AsSpan(at, end - at));
        return Words.Contains(word) || word.StartsWith("pal", StringComparison.Ordinal) || word.StartsWith("pall", StringComparison.Ordinal);
    }

    private static HashSet<string> BuildWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in VocabularyCatalog.Folded("unit.pallet"))
        {
            words.Add(word);
            foreach (var prefix in new[] { "eur-", "euro-", "eur ", "euro " , "euro" })
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length > prefix.Length + 2)
                {
                    words.Add(word[prefix.Length..]);
                }
            }
        }

        // Pallet words that are also common words elsewhere ("pal" in Turkish text is fine, "lava" in Romance text is lava).
        words.Remove("lava");
        return words;
    }
}
