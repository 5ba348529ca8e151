namespace FleetManager.Core.Geo;

/// <summary>
/// The keys a written city name is looked up under, most faithful first: the name itself (and its
/// transliterations when Cyrillic), then looser forms that drop what addresses add to a city:
/// a district number or letter ("Praha 10", "Aarhus N"), a qualifier ("Frankfurt a. M."),
/// a postal-code prefix ("D-80331 München"), a part after a hyphen or slash ("Ostrava-Vítkovice").
/// </summary>
internal static class PlaceNameVariants
{
    private static readonly char[] PartSeparators = ['-', '/', ',', '(', '–'];

    /// <summary>Lookup keys of <paramref name="city"/>: exact ones first (<c>Exact</c> true), then loose ones.</summary>
    public static List<(string Key, bool Exact)> Of(string city)
    {
        var spellings = new List<string>(5) { city };
        if (CyrillicTransliteration.ContainsCyrillic(city))
        {
            spellings.Add(CyrillicTransliteration.Bulgarian(city));
            spellings.Add(CyrillicTransliteration.Bulgarian(city, finalIaAsIa: false));
            spellings.Add(CyrillicTransliteration.Russian(city));
            spellings.Add(CyrillicTransliteration.Serbian(city));
        }
        else if (GreekTransliteration.ContainsGreek(city))
        {
            spellings.Add(GreekTransliteration.ToLatin(city));
        }

        var result = new List<(string Key, bool Exact)>(16);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spelling in spellings)
        {
            Add(result, seen, PlaceNameKey.Of(spelling), exact: true);
        }

        foreach (var spelling in spellings)
        {
            AddLoose(result, seen, PlaceNameKey.Words(spelling));
            var cut = spelling.IndexOfAny(PartSeparators);
            if (cut > 0)
            {
                var first = PlaceNameKey.Words(spelling[..cut]);
                Add(result, seen, PlaceNameKey.Join(first, first.Count), exact: false);
                AddLoose(result, seen, first);
            }
        }

        return result;
    }

    /// <summary>Only the exact keys: the name and its transliterations.</summary>
    public static List<string> ExactKeys(string city)
    {
        var keys = new List<string>(5) { PlaceNameKey.Of(city) };
        if (CyrillicTransliteration.ContainsCyrillic(city))
        {
            keys.Add(PlaceNameKey.Of(CyrillicTransliteration.Bulgarian(city)));
            keys.Add(PlaceNameKey.Of(CyrillicTransliteration.Bulgarian(city, finalIaAsIa: false)));
            keys.Add(PlaceNameKey.Of(CyrillicTransliteration.Russian(city)));
            keys.Add(PlaceNameKey.Of(CyrillicTransliteration.Serbian(city)));
        }
        else if (GreekTransliteration.ContainsGreek(city))
        {
            keys.Add(PlaceNameKey.Of(GreekTransliteration.ToLatin(city)));
        }

        return keys;
    }

    private static void AddLoose(List<(string Key, bool Exact)> result, HashSet<string> seen, List<string> words)
    {
        // Leading postal code and country prefix: "80331 München", "D 80331 München", "PL 02 672 Warszawa".
        var start = 0;
        while (start < words.Count - 1 && (HasDigit(words[start]) || (words[start].Length <= 3 && HasDigit(words[start + 1]))))
        {
            start++;
        }

        // Trailing district: "Praha 10", "Wien 23", "Aarhus N", "København SV", "Paris 8e".
        var end = words.Count;
        while (end - start > 1 && (HasDigit(words[end - 1]) || words[end - 1].Length <= 2))
        {
            end--;
        }

        var core = words.GetRange(start, end - start);
        Add(result, seen, PlaceNameKey.Join(core, core.Count), exact: false);
        var qualifier = PlaceNameKey.QueryQualifierStart(core);
        if (qualifier > 0)
        {
            Add(result, seen, PlaceNameKey.Join(core, qualifier), exact: false);
        }
    }

    private static void Add(List<(string Key, bool Exact)> result, HashSet<string> seen, string key, bool exact)
    {
        if (key.Length > 0 && seen.Add(key))
        {
            result.Add((key, exact));
        }
    }

    private static bool HasDigit(string word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
