using System.Buffers;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// Folded words and phrases of a vocabulary key, found in folded text as whole words (a phrase must not
/// start or end inside a word). One vectorized search finds the candidates; only there are the phrases
/// compared.
/// </summary>
public sealed class PhraseSet
{
    private readonly SearchValues<string> search;

    /// <summary>The phrases by first character, longest first, to tell which one matched where the search stopped.</summary>
    private readonly Dictionary<char, string[]> byFirst;

    /// <summary>Builds the set from phrases as written; they are folded here.</summary>
    public PhraseSet(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var folded = phrases.Select(p => TextFold.Fold(p).Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        Count = folded.Length;
        search = SearchValues.Create(folded, StringComparison.Ordinal);
        byFirst = folded.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
    }

    /// <summary>Builds the set of one key in every language of the catalog.</summary>
    public static PhraseSet Of(params string[] keys) => new(keys.SelectMany(k => VocabularyCatalog.Words(k).Select(w => w.Word)));

    /// <summary>The number of distinct folded phrases.</summary>
    public int Count { get; }

    /// <summary>True when a phrase occurs in <paramref name="foldedText"/> as whole words.</summary>
    public bool IsIn(ReadOnlySpan<char> foldedText) => Find(foldedText, out _) >= 0;

    /// <summary>Folds <paramref name="text"/> and looks for a phrase in it.</summary>
    public bool IsInText(ReadOnlySpan<char> text) => Count > 0 && IsIn(TextFold.Fold(text));

    /// <summary>The index of the first whole-word phrase in <paramref name="foldedText"/>, or -1; <paramref name="length"/> is its length.</summary>
    public int Find(ReadOnlySpan<char> foldedText, out int length)
    {
        length = 0;
        var offset = 0;
        while (offset < foldedText.Length)
        {
            var hit = foldedText[offset..].IndexOfAny(search);
            if (hit < 0)
            {
                return -1;
            }

            var at = offset + hit;
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
}
