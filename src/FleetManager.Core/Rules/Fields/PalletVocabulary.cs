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

    private static readonly Regex Phrase = new(
        @"(?<![\w.,/-])(?<n>\d{1,3})[ \t\u00A0]*(?:(?:st|stk|kpl|ks|szt|db|tk|vnt|бр|шт|adet|x)\.?[ \t\u00A0]*)?(?:(?:eur|euro|epal)[ \t\u00A0\-]*)?(?<w>"
        + string.Join("|", Forms.OrderByDescending(w => w.Length).Select(Regex.Escape))
        + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>"+" or "&amp;" between two pallet counts of one line: they add up.</summary>
    private static readonly Regex Plus = new(@"\G[ \t\u00A0]*[+&][ \t\u00A0]*", RegexOptions.CultureInvariant);

    /// <summary>The pallet counts of [start, end) in <paramref name="text"/>, sums of "A pallets + B pallets" as one count.</summary>
    public static IEnumerable<(int Count, int Index, int Length)> Counts(string text, int start, int end)
    {
        var match = Phrase.Match(text[..end], start);
        while (match.Success)
        {
            var count = int.Parse(match.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var first = match;
            var last = match;
            var next = match.NextMatch();
            // Added counts ("14 EUR-pall + 4 halvpall") are one total; the look-ahead keeps the search linear.
            while (next.Success && Plus.Match(text, last.Index + last.Length) is { Success: true } plus && plus.Index + plus.Length == next.Index)
            {
                count += int.Parse(next.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                last = next;
                next = next.NextMatch();
            }

            yield return (count, first.Index, last.Index + last.Length - first.Index);
            match = next;
        }
    }

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
