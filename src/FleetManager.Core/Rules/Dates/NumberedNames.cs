using System.Collections.Frozen;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// The words of a numbered vocabulary key in every language file (<c>month.1</c> … <c>month.12</c>,
/// <c>weekday.1</c> … <c>weekday.7</c>), folded with <see cref="TextFold"/> and without a trailing dot, each
/// mapped to its number; a word two languages give two numbers keeps the first.
/// </summary>
internal sealed class NumberedNames
{
    private readonly FrozenDictionary<string, int> _lookup;

    public NumberedNames(string key, int count)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in VocabularyCatalog.Languages)
        {
            for (var number = 1; number <= count; number++)
            {
                foreach (var name in language.Words($"{key}.{number}"))
                {
                    map.TryAdd(TextFold.Fold(name).TrimEnd('.'), number);
                }
            }
        }

        _lookup = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The number <paramref name="word"/> names, or 0 when it names none.</summary>
    public int NumberOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(TextFold.Fold(word).TrimEnd('.'), out var number) ? number : 0;
}
