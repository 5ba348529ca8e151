using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// A negation scoped to its clause: "Ingen av sendingene er farlig gods", "Nichts davon ist Gefahrgut", "none
/// of it is hazardous" say no dangerous goods without the negation word standing right before the dangerous
/// word, as the <c>adr.negation</c> phrases have it. The negation words are taken from those phrases (what a
/// phrase puts before one of its language's <c>adr.dangerous</c> words: "ikke", "ingen", "kein", "ej"), so a
/// language's data defines them; they count only in the same clause (no ".", ",", ";", ":", "!", "?" or line
/// break between) and at most <see cref="MaxWordsBetween"/> words before the dangerous word.
/// </summary>
internal static class AdrClauseNegation
{
    /// <summary>How many words may stand between the negation and the dangerous word.</summary>
    private const int MaxWordsBetween = 3;

    /// <summary>The negation words of every language file, folded.</summary>
    private static readonly HashSet<string> NegationWords = Build();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = NegationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first dangerous-goods word of the block negated within its clause, or null.</summary>
    public static (bool Value, TextSpan Span)? Read(FieldBlock block)
    {
        var folded = block.Folded;
        var offset = 0;
        while (offset < folded.Length)
        {
            var at = VocabularyMatchers.AdrDangerous.Find(folded.AsSpan(offset), out var length);
            if (at < 0)
            {
                return null;
            }

            var dangerous = offset + at;
            offset = dangerous + length;
            if (NegationBefore(folded, dangerous) is { } negation)
            {
                var start = block.Start + block.SpanOffsetOf(negation);
                var end = block.Start + block.SpanOffsetOf(dangerous + length);
                return (false, new TextSpan(start, end - start));
            }
        }

        return null;
    }

    /// <summary>Where a negation word starts in the clause before <paramref name="index"/> (within reach), or null.</summary>
    private static int? NegationBefore(string folded, int index)
    {
        var end = index;
        for (var words = 0; words <= MaxWordsBetween; words++)
        {
            // Back over the separators to the end of the previous word; a clause boundary ends the search.
            while (end > 0 && !char.IsLetterOrDigit(folded[end - 1]))
            {
                if (folded[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\n')
                {
                    return null;
                }

                end--;
            }

            var start = end;
            while (start > 0 && char.IsLetterOrDigit(folded[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return null;
            }

            if (NegationLookup.Contains(folded.AsSpan(start, end - start)))
            {
                return start;
            }

            end = start;
        }

        return null;
    }

    private static HashSet<string> Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in VocabularyCatalog.Languages)
        {
            var dangerous = language.Words("adr.dangerous").Select(w => TextFold.Fold(w)).Where(w => w.Length > 0).ToArray();
            foreach (var phrase in language.Words("adr.negation").Select(w => TextFold.Fold(w)))
            {
                foreach (var word in dangerous)
                {
                    // "ikke farlig gods" with the dangerous words "farlig gods": the negation is "ikke".
                    if (phrase.Length > word.Length && phrase.EndsWith(word, StringComparison.Ordinal))
                    {
                        var before = phrase[..^word.Length].Trim(' ', '-');
                        if (before.Length >= 2 && before.All(char.IsLetter))
                        {
                            words.Add(before);
                        }
                    }
                }
            }
        }

        return words;
    }
}
