using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// Every language file embedded in the assembly (<c>Rules/Vocabularies/Data/*.txt</c>), read once on
/// first use. The matchers of the rules engine (stop labels, month and weekday names, units, vehicle,
/// ADR, request-type and classification words) are built from here once, at type initialisation, so a
/// message costs what it cost before the words became data.
/// </summary>
public static class VocabularyCatalog
{
    private const string ResourcePrefix = "FleetManager.Core.Vocabulary.";

    private static readonly Lazy<IReadOnlyList<LanguageVocabulary>> Loaded = new(Load);

    /// <summary>The languages, those of most mail first (<see cref="FirstCredited"/>), then by code.</summary>
    public static IReadOnlyList<LanguageVocabulary> Languages => Loaded.Value;

    /// <summary>Every word of <paramref name="key"/> in every language, with its language code.</summary>
    public static IEnumerable<(string Word, string Language)> Words(string key)
    {
        foreach (var language in Languages)
        {
            foreach (var word in language.Words(key))
            {
                yield return (word, language.Code);
            }
        }
    }

    /// <summary>The distinct folded (<see cref="TextFold.Fold(ReadOnlySpan{char})"/>) words of <paramref name="key"/> in every language.</summary>
    public static string[] Folded(string key)
        => [.. Words(key).Select(w => TextFold.Fold(w.Word)).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The languages read first. Why: a word several languages share ("laden", "carga", "levering",
    /// "listopad") is credited to the first language that gives it (its stop language guesses a country,
    /// its month wins), and these are the languages of most of the mail, in that order; the rest follow by code.
    /// </summary>
    private static readonly List<string> FirstCredited = ["en", "de", "pl", "fr", "it", "es", "pt", "nl", "cs", "sk", "hu", "ro", "bg", "sl", "lt", "tr"];

    private static List<LanguageVocabulary> Load()
    {
        var assembly = typeof(VocabularyCatalog).Assembly;
        var languages = new List<LanguageVocabulary>();
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => FirstCredited.IndexOf(n[ResourcePrefix.Length..^".txt".Length]) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(n => n, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidDataException($"The embedded vocabulary {resource} cannot be opened.");
            using var reader = new StreamReader(stream);
            languages.Add(VocabularyFile.Parse(reader.ReadToEnd(), resource[ResourcePrefix.Length..]));
        }

        return languages;
    }
}
