using FleetManager.Core.Text;

namespace FleetManager.Core.Geo;

/// <summary>
/// Country names, ISO codes and vehicle codes → ISO 3166-1 alpha-2. Names are known in the
/// languages of European freight mail, Cyrillic and Latin, and match after folding
/// ("NIEMCY", "Německo", "Германия" → DE). One-letter vehicle codes and codes that are also words
/// ("I", "A", "DE", "IT", "FIN") are only read by <see cref="TryResolveCode"/>, whose caller knows
/// the token stands where a country code stands.
/// </summary>
public static class CountryNames
{
    private static readonly Lazy<Vocabulary> Data = new(Vocabulary.Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Resolves a country name in any supported language, or an ISO alpha-2/alpha-3 code that is not
    /// also a common word ("CZ", "PL", "DEU", "HUN" no, "DE" no).
    /// </summary>
    /// <param name="text">The whole candidate text: "Deutschland", "Česká republika", "България", "UK".</param>
    /// <param name="iso2">The ISO 3166-1 alpha-2 code, upper case.</param>
    public static bool TryResolve(string text, out string iso2)
    {
        iso2 = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var data = Data.Value;
        foreach (var key in Keys(text))
        {
            if (data.Names.TryGetValue(key, out var found))
            {
                iso2 = found;
                return true;
            }
        }

        var code = TextFold.FoldLettersAndDigits(text);
        if (code.Length is 2 or 3 && !CountryNameTable.CodesThatAreWords.Contains(code)
            && data.Codes.TryGetValue(code.ToUpperInvariant(), out var byCode))
        {
            iso2 = byCode;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Resolves a code token: an international vehicle code ("D", "A", "SLO", "EST", "RUS", "UK"),
    /// else an ISO alpha-2 or alpha-3 code. Surrounding punctuation is ignored ("D-", "(PL)").
    /// </summary>
    /// <param name="token">One token, e.g. the prefix of "D-80331".</param>
    /// <param name="iso2">The ISO 3166-1 alpha-2 code, upper case.</param>
    public static bool TryResolveCode(string token, out string iso2)
    {
        iso2 = string.Empty;
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var code = token.Trim().Trim('-', '.', '(', ')', '/', ',', ':').ToUpperInvariant();
        if (CountryNameTable.VehicleCodes.TryGetValue(code, out var byVehicle))
        {
            iso2 = byVehicle;
            return true;
        }

        if (Data.Value.Codes.TryGetValue(code, out var byIso))
        {
            iso2 = byIso;
            return true;
        }

        return false;
    }

    /// <summary>English name of an ISO alpha-2 code ("DE" → "Germany"); null when unknown.</summary>
    public static string? NameOf(string iso2) =>
        iso2 is not null && Data.Value.EnglishNames.TryGetValue(iso2.Trim().ToUpperInvariant(), out var name) ? name : null;

    /// <summary>Every name and code the vocabulary maps, with the country it maps to (for tests and diagnostics).</summary>
    internal static IEnumerable<(string Name, string Iso2)> AllNames()
    {
        foreach (var row in CountryNameTable.Rows)
        {
            var parts = row.Split('|');
            for (var i = 2; i < parts.Length; i++)
            {
                yield return (parts[i], parts[0]);
            }
        }
    }

    /// <summary>Lookup keys of a name: folded, words joined without spaces, a leading "the" dropped; Cyrillic also transliterated.</summary>
    private static IEnumerable<string> Keys(string text)
    {
        yield return Key(text);
        if (CyrillicTransliteration.ContainsCyrillic(text))
        {
            yield return Key(CyrillicTransliteration.Bulgarian(text, finalIaAsIa: false));
            yield return Key(CyrillicTransliteration.Bulgarian(text));
            yield return Key(CyrillicTransliteration.Russian(text));
        }
    }

    private static string Key(string text)
    {
        var folded = TextFold.FoldLettersAndDigits(text);
        if (folded.StartsWith("the ", StringComparison.Ordinal))
        {
            folded = folded[4..];
        }

        return folded.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private sealed class Vocabulary
    {
        public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Codes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> EnglishNames { get; } = new(StringComparer.Ordinal);

        public static Vocabulary Build()
        {
            var vocabulary = new Vocabulary();
            foreach (var row in CountryNameTable.Rows)
            {
                var parts = row.Split('|');
                var iso2 = parts[0];
                vocabulary.Codes[iso2] = iso2;
                vocabulary.Codes[parts[1]] = iso2;
                vocabulary.EnglishNames[iso2] = parts[2];
                for (var i = 2; i < parts.Length; i++)
                {
                    foreach (var key in Keys(parts[i]))
                    {
                        // First writer wins; names listed for two countries are caught by a test.
                        vocabulary.Names.TryAdd(key, iso2);
                    }
                }
            }

            return vocabulary;
        }
    }
}
