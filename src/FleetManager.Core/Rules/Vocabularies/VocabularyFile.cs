namespace FleetManager.Core.Rules.Vocabularies;

/// <summary>
/// Reads the line format of a vocabulary file: <c>key: word, word, phrase with spaces</c>, one key per
/// line (a key may repeat and its words add up), <c>#</c> starts a comment line, blank lines are
/// ignored. The header keys <c>language</c> and <c>name</c> hold one value each.
/// </summary>
/// <remarks>Why a line format and not JSON: the files are written by hand in many scripts, a word list
/// per line diffs well, and reading it needs no serializer (nothing to keep AOT-safe).</remarks>
public static class VocabularyFile
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="InvalidDataException">A line without a key, an unknown key, or no language code.</exception>
    public static LanguageVocabulary Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? code = null;
        string? name = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{source}:{lineNumber}: expected \"key: words\".");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!VocabularyKeys.IsKnown(key))
            {
                throw new InvalidDataException($"{source}:{lineNumber}: unknown key \"{key}\" (docs/readers.md lists the keys).");
            }

            if (key == "language")
            {
                code = value;
                continue;
            }

            if (key == "name")
            {
                name = value;
                continue;
            }

            if (!entries.TryGetValue(key, out var words))
            {
                entries[key] = words = [];
            }

            foreach (var word in SplitWords(value))
            {
                words.Add(word);
            }
        }

        if (string.IsNullOrEmpty(code))
        {
            throw new InvalidDataException($"{source}: no \"language:\" line.");
        }

        return new LanguageVocabulary(
            code,
            name ?? code,
            entries.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The words of a value, separated by commas; a comma between two digits is a decimal comma and part
    /// of the word ("do 3,5 t" is one phrase, not "do 3" and "5 t").
    /// </summary>
    internal static List<string> SplitWords(string value)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && (value[i] != ',' || (i > 0 && i + 1 < value.Length && char.IsAsciiDigit(value[i - 1]) && char.IsAsciiDigit(value[i + 1]))))
            {
                continue;
            }

            var word = value[start..i].Trim();
            if (word.Length > 0)
            {
                words.Add(word);
            }

            start = i + 1;
        }

        return words;
    }
}
