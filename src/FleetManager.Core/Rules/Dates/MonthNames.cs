using System.Collections.Frozen;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Month names and their usual abbreviations in every language of the vocabulary files (nominative,
/// genitive and locative forms, since "3 grudnia", "3. prosince", "5. janvārī" are the forms dates
/// use), folded with <see cref="TextFold"/>.
/// </summary>
internal static class MonthNames
{
    private static readonly FrozenDictionary<string, int> Lookup = Build();

    /// <summary>Every <c>month.1</c> … <c>month.12</c> word of the language files; a word two languages give two months keeps the first.</summary>
    private static FrozenDictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in VocabularyCatalog.Languages)
        {
            for (var month = 1; month <= 12; month++)
            {
                foreach (var name in language.Words($"month.{month}"))
                {
                    map.TryAdd(TextFold.Fold(name).TrimEnd('.'), month);
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The month number (1-12) of a month word, or 0 when the word is not a month.</summary>
    public static int MonthOf(ReadOnlySpan<char> word)
    {
        var folded = TextFold.Fold(word).TrimEnd('.');
        return Lookup.TryGetValue(folded, out var month) ? month : 0;
    }
}
