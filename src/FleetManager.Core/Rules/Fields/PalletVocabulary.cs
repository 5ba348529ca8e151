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

    /// <summary>
    /// A pallet count in the files' words. Anchored (\G): built from the data at run time, this pattern runs in
    /// the regex interpreter, and scanning every position of a block with it cost a tenth of the whole import;
    /// it is tried only where a number starts (<see cref="NextMatch"/>), the only places it can match.
    /// </summary>
    private static readonly Regex Phrase = new(
        @"\G(?<![\w.,/-])(?<n>\d{1,3})[ \t\u00A0]*(?:(?:st|stk|kpl|ks|szt|db|tk|vnt|бр|шт|adet|x)\.?[ \t\u00A0]*)?(?:(?:"
        + string.Join("|", Kinds.OrderByDescending(w => w.Length).Select(Regex.Escape))
        + @")[ \t\u00A0\-]*)?(?<w>"
        + string.Join("|", Forms.OrderByDescending(w => w.Length).Select(Regex.Escape))
        + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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

        return end < input.Length && (char.IsLetter(input[end]) || !FormsStartWithLetters);
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
