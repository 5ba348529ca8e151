using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Amounts in the local currency words and symbols of the language files (<c>currency: SEK = kr, kronor</c>):
/// "6 900 kr", "27 600 грн", "38.500 TL", "₺ 38.500", "120.000 din". A word several languages use for
/// different currencies ("kr": SEK, DKK, NOK, ISK) is given the currency of the language whose
/// vocabulary the text uses most.
/// </summary>
internal static class LocalCurrency
{
    /// <summary>Folded currency word → (ISO code, language) pairs, one per language that uses the word.</summary>
    private static readonly Dictionary<string, List<(string Iso, string Language)>> Meanings = Build(out Forms);

    private static readonly HashSet<string> Forms;

    private const string Amount = @"(?<n>\d{1,3}(?:[.,'\u00A0\u202F ]\d{3})+(?:[.,]\d{1,2})?(?:,-|\.-)?|\d+(?:[.,]\d{1,2})?(?:,-|\.-)?)";

    private static readonly Regex Pattern = Forms.Count == 0
        ? new Regex("(?!)", RegexOptions.CultureInvariant)
        : new Regex(
            @"(?<![\w.,])(?:" + Amount + @"[ \t\u00A0\u202F]?(?<c>" + Alternation() + @")(?![\p{L}\d])|(?<![\p{L}\d])(?<c>" + Alternation() + @")[ \t\u00A0\u202F]?" + Amount.Replace("<n>", "<m>", StringComparison.Ordinal) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The currency words as a pre-check: every match holds one, and most blocks hold none, so the
    /// pattern (built from data, hence run by the regex interpreter) is run only where one occurs.
    /// Null when the words cannot be pre-checked.
    /// </summary>
    private static readonly KeywordSet? Keywords = KeywordSet.TryCreate(Forms);

    /// <summary>Language code → that language's words, to tell which language a text is in.</summary>
    private static readonly Dictionary<string, PhraseSet> LanguageWords = new(StringComparer.Ordinal);

    private static readonly Lock LanguageWordsLock = new();

    /// <summary>The first amount in a local currency in <paramref name="text"/>[start..end), or null.</summary>
    public static (Price Price, TextSpan Span)? FirstMoney(string text, int start, int end)
    {
        if (Forms.Count == 0 || end <= start || (Keywords is not null && !Keywords.MayContain(text.AsSpan(start, end - start))))
        {
            return null;
        }

        // The pattern's look-behinds see one character before a position, so the range and the character
        // before it give the matches the whole text would give; copying only them (not the text up to the
        // range, once per line of a block) keeps the scan linear in the block.
        var from = Math.Max(0, start - 1);
        foreach (Match match in Pattern.Matches(text.Substring(from, end - from), start - from).Cast<Match>())
        {
            var amountText = match.Groups["n"].Success ? match.Groups["n"].Value : match.Groups["m"].Value;
            if (EuropeanNumber.Parse(amountText) is not { } amount || amount < 10)
            {
                continue;
            }

            if (Meanings.TryGetValue(TextFold.Fold(match.Groups["c"].Value), out var meanings) && IsoFor(meanings, text) is { } iso)
            {
                return (new Price(amount, iso), new TextSpan(from + match.Index, match.Length));
            }
        }

        return null;
    }

    /// <summary>The ISO code a currency word has in <paramref name="text"/>: the only one, else that of the language the text uses most.</summary>
    internal static string? IsoFor(List<(string Iso, string Language)> meanings, string text)
    {
        if (meanings.Select(m => m.Iso).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return meanings[0].Iso;
        }

        var folded = TextFold.Fold(text);
        string? best = null;
        var bestCount = 0;
        foreach (var (iso, language) in meanings)
        {
            var count = VocabularyMatchers.DistinctIn(WordsOf(language), folded, 50);
            if (count > bestCount)
            {
                (best, bestCount) = (iso, count);
            }
        }

        return best;
    }

    private static PhraseSet WordsOf(string language)
    {
        lock (LanguageWordsLock)
        {
            if (!LanguageWords.TryGetValue(language, out var set))
            {
                var vocabulary = VocabularyCatalog.Languages.First(l => l.Code == language);
                // Month and weekday abbreviations and one-letter units are shared by too many languages to tell them apart.
                set = new PhraseSet(vocabulary.Entries.Where(e => !e.Key.StartsWith("unit.", StringComparison.Ordinal) && e.Key != "currency")
                    .SelectMany(e => e.Value).Where(w => w.Length >= 4));
                LanguageWords[language] = set;
            }

            return set;
        }
    }

    private static string Alternation() => string.Join("|", Forms.OrderByDescending(f => f.Length).Select(Regex.Escape));

    /// <summary>Reads the <c>currency</c> lines: "ISO = word, word" (the first word after the code's "=").</summary>
    private static Dictionary<string, List<(string Iso, string Language)>> Build(out HashSet<string> forms)
    {
        forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var meanings = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var language in VocabularyCatalog.Languages)
        {
            string? iso = null;
            foreach (var entry in language.Words("currency"))
            {
                var word = entry;
                var equals = entry.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    iso = entry[..equals].Trim().ToUpperInvariant();
                    word = entry[(equals + 1)..].Trim();
                }

                if (iso is null || word.Length == 0)
                {
                    continue;
                }

                var folded = TextFold.Fold(word);
                if (!meanings.TryGetValue(folded, out var list))
                {
                    meanings[folded] = list = [];
                }

                if (!list.Contains((iso, language.Code)))
                {
                    list.Add((iso, language.Code));
                }

                forms.Add(word);
                forms.Add(folded);
            }
        }

        return meanings;
    }
}
