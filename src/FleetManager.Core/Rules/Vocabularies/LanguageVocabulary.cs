namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// One language's vocabulary as its data file gives it: each key (<see cref="VocabularyKeys"/>) with its
/// words and phrases as written (the matchers fold them with <c>TextFold</c>).
/// </summary>
public sealed class LanguageVocabulary(string code, string name, IReadOnlyDictionary<string, IReadOnlyList<string>> entries)
{
    /// <summary>The language code of the file ("sv", "sr-Cyrl").</summary>
    public string Code { get; } = code;

    /// <summary>The language's English name.</summary>
    public string Name { get; } = name;

    /// <summary>Every key of the file with its words, in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Entries { get; } = entries;

    /// <summary>The words of <paramref name="key"/>, empty when the file does not define it.</summary>
    public IReadOnlyList<string> Words(string key) => Entries.TryGetValue(key, out var words) ? words : [];
}
