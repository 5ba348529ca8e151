namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The name of a town that a sentence wrote in a grammatical case ("z Ostravy", "do Krakowa", "z Wrocławia", "из Львова"):
/// Slavic and Baltic languages put a case ending on the name where a label would have written it plain. A case ending
/// is replaced by each nominative ending in turn ("Ostravy" → "Ostrava", "Brna" → "Brno", "Krakowa" → "Krakow") until
/// the gazetteer knows the result. Endings are data of the languages' declensions, not of particular towns.
/// </summary>
internal static class InflectedTownName
{
    // Nominative endings in the order to try them, each in the script of the case endings that use it. Declared before
    // Endings, which reads them while the type initializes.
    private static readonly string[] Feminine = ["a", ""];
    private static readonly string[] Consonant = ["", "o", "a"];
    private static readonly string[] CyrillicConsonant = ["", "о", "а"];

    /// <summary>
    /// Case endings (genitive, dative, locative, instrumental), longest first so that "-ami" is tried before "-i", each with
    /// the nominative endings to try in turn: a feminine town's "-y", "-ě" or "-ы" comes from "-a" ("Ostravy", "Ostravě"), a
    /// masculine or neuter town's "-a" from a consonant or "-o" ("Krakowa", "Brna").
    /// </summary>
    private static readonly (string Case, string[] Nominatives)[] Endings =
    [
        ("ami", Consonant), ("ach", Consonant), ("ого", CyrillicConsonant), ("ому", CyrillicConsonant), ("ией", ["ия"]), ("ии", ["ия"]),
        ("ою", ["а"]), ("ой", ["а"]), ("ом", CyrillicConsonant), ("ем", CyrillicConsonant),
        ("ie", Consonant), ("ii", ["ia"]), ("ia", Consonant), ("ią", ["ia"]), ("ię", ["ia"]), ("om", Consonant), ("em", Consonant),
        ("y", Feminine), ("ě", Feminine), ("i", Feminine), ("ą", ["a"]), ("ę", ["a"]), ("a", Consonant), ("u", Consonant), ("e", Feminine),
        ("ы", ["а"]), ("і", ["а", ""]), ("а", CyrillicConsonant), ("у", CyrillicConsonant), ("е", ["а", ""]), ("и", ["а", "ь"]), ("ю", ["ь"]), ("я", ["ь"]),
    ];

    /// <summary>Shorter stems are too short to tell one town from another.</summary>
    private const int MinStem = 3;

    /// <summary>The nominative of <paramref name="word"/> that <paramref name="isKnown"/> accepts; null for a word it knows as written, or when none is.</summary>
    public static string? Nominative(string word, Func<string, bool> isKnown)
    {
        if (word.Length < MinStem + 1 || word.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(word[0]) || isKnown(word))
        {
            return null;
        }

        foreach (var (ending, nominatives) in Endings)
        {
            if (word.Length - ending.Length < MinStem || !word.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = word[..^ending.Length];
            foreach (var nominative in nominatives)
            {
                var candidate = stem + nominative;
                if (isKnown(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
