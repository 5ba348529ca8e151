// Why one file of ~520 lines: the postcode shapes of Europe overlap ("12-345" Polish, "123 45" Czech/Slovak/
// Swedish/Greek, "1234 AB" Dutch, British and Irish codes after the city), and which reading wins depends on the
// others found in the same line (overlaps, a country word after the place, a number word before it). The cheap
// pre-tests, the pattern per shape and the tie-breaking between them are one decision; split across types,
// each would need the others' patterns and the line's state. The patterns sit together at the end.
using System.Text.RegularExpressions;
using FleetManager.Core.Rules.Dates;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Finds "postal code + city" places in a line: "DE-85386 Eching", "PL 62-080 Tarnowo Podgórne",
/// "619 00 Brno", "5928 PR Venlo", "Daventry NN11 8QL", "Mladá Boleslav, 293 01". The postal code
/// comes back in the spec's national form (country prefix stripped, inner spaces as written).
/// </summary>
internal static partial class PostalPlaceParser
{
    private static readonly HashSet<string> NotCities = new(StringComparer.OrdinalIgnoreCase)
    {
        "EUR", "PLN", "CZK", "HUF", "RON", "BGN", "GBP", "CHF", "USD", "SEK", "DKK", "NOK", "EPAL", "PAL", "KG", "LDM",
        "Uhr", "UN", "ADR", "HRB", "Tel", "Fax", "Euro", "Paletten", "Palette", "Pallets", "Palety", "Palet", "Stück",
        "Europaletten", "Gitterboxen", "St", "Stk", "Nr", "No", "Min", "Max", "Mio", "Km", "LM", "CBM", "CMR", "KW", "Tonnen", "Liter",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase) { "UN", "HRB", "Nr", "No", "KW", "Tel", "Fax", "Box", "Kl", "Ref", "PIN", "ID", "VAT", "NIP", "IČ", "DIČ", "KvK" };

    /// <summary>All places in <paramref name="line"/>, in order.</summary>
    public static List<PostalPlace> FindAll(string line)
    {
        var result = new List<PostalPlace>();

        // Every pattern below needs a postal code, so a line without a digit has no place; most
        // lines of a message are prose, and these patterns are costly to try at every capital.
        if (!TextScan.HasDigit(line))
        {
            return result;
        }

        // Every postal-code alternative of CodeThenCity and CityThenCode holds three digits in a row
        // (\d{3}, \d{2}-\d{3}, \d{4,6}...); only the British pattern can do without.
        var hasDigitRun = HasThreeDigitRun(line);
        if (hasDigitRun && HasCodeBeforeCapital(line))
        {
            for (var m = CodeThenCity().Match(line); m.Success;)
            {
                var place = FromCodeThenCity(line, m);
                if (place is not null)
                {
                    result.Add(place);
                    m = m.NextMatch();
                }
                else
                {
                    // A number that is no code may have taken the next code as its city ("Haven 1025, B-2030 Antwerpen"):
                    // the search goes on from that city, not after it.
                    m = CodeThenCity().Match(line, m.Groups["city"].Index);
                }
            }
        }

        if (HasBritishInwardCode(line))
        {
            foreach (Match m in CityThenBritishCode().Matches(line))
            {
                if (result.Any(p => Overlap(p, m.Index, m.Length)))
                {
                    continue;
                }

                var city = TrimCity(m.Groups["city"].Value);
                string? town = null;
                var lastComma = city.LastIndexOf(',');
                if (lastComma >= 0)
                {
                    var before = city[..lastComma];
                    town = before[(before.LastIndexOf(',') + 1)..].Trim();
                    city = city[(lastComma + 1)..].Trim();
                }

                if (city.Length > 1 && !NotCities.Contains(city))
                {
                    result.Add(new PostalPlace(m.Index, m.Length, m.Groups["pc"].Value, city, "GB", 0, false) { TownBeforeCounty = town });
                }
            }

            if (result.Count == 0)
            {
                // The continental order, as freight exchanges and forms write every country: "B24 9QR Birmingham".
                AddCodedTowns(result, BritishCodeThenCity(), line, "GB");
            }
        }

        if (result.Count == 0 && hasDigitRun && HasMalteseLocalityCode(line))
        {
            // Maltese codes after the locality: "Birkirkara BKR 3000" (three letters of the locality, four digits). Other
            // words take that shape too ("ISO 9001"), so the gazetteer must know the locality.
            foreach (Match m in CityThenMalteseCode().Matches(line))
            {
                var city = TrimCity(m.Groups["city"].Value);
                if (city.Length > 2 && !NotCities.Contains(FirstWord(city)))
                {
                    result.Add(new PostalPlace(m.Index, m.Length, m.Groups["pc"].Value, city, "MT", 4, false) { NeedsConfirmation = true });
                }
            }
        }

        if (result.Count == 0 && HasEircodeRoutingKey(line))
        {
            // Irish Eircodes: "Athlone, Co. Westmeath N37 F6D7", "Dublin 12 (D12 YX47)" (routing key, space, four characters);
            // else the continental order, as forms and exchanges write it: "D12 YX47 Dublin".
            AddCodedTowns(result, CityThenEircode(), line, "IE");
            if (result.Count == 0)
            {
                AddCodedTowns(result, EircodeThenCity(), line, "IE");
            }
        }

        if (hasDigitRun && line.Contains('(', StringComparison.Ordinal))
        {
            // "Saint-Priest (69800)", "Plovdiv (4006)", "z Ostravy (702 00) do Vídně (1100 Wien)": the code in brackets after
            // the city, beside the places found so far.
            foreach (Match m in CityThenBracketedCode().Matches(line))
            {
                if (result.Any(p => Overlap(p, m.Index, m.Length)))
                {
                    continue;
                }

                var city = TrimCity(m.Groups["city"].Value);
                var code = m.Groups["pc"].Value;
                if (city.Length > 1 && !NotCities.Contains(FirstWord(city)))
                {
                    // "Porto (4000-123, Portugal)": a country named inside the brackets, as exchange one-liners write it.
                    var named = (m.Groups["named"].Success ? StopCountryNames.FromName(m.Groups["named"].Value.Trim()) : null)
                        ?? CountryAfter(line, m.Index + m.Length);
                    var country = named ?? (code.Length > 5 ? PatternCountry(code) : null);
                    result.Add(new PostalPlace(m.Index, m.Length, code, city, country, code.Count(char.IsAsciiDigit), false) { CountryFromShape = named is null && country is not null });
                }
            }
        }

        if (hasDigitRun && line.Contains('-', StringComparison.Ordinal))
        {
            // "Kaunas LT-44001 → Ryga LV-1050": the town before a code with its country's prefix, as exchange one-liners
            // write both ends. A reference takes the same shape ("Auftrag AL-4471"), so the prefix must be a country's and
            // the gazetteer must know the town.
            foreach (Match m in CityThenPrefixedCode().Matches(line))
            {
                var city = TrimCity(m.Groups["city"].Value);
                if (!result.Any(p => Overlap(p, m.Index, m.Length)) && city.Length > 1 && !NotCities.Contains(FirstWord(city))
                    && StopCountryNames.FromCode(m.Groups["cc"].Value) is { } prefixCountry && Geo.OfflineGazetteer.Shared.IsKnownCity(city))
                {
                    var code = m.Groups["pc"].Value;
                    result.Add(new PostalPlace(m.Index, m.Length, code, city, prefixCountry, code.Count(char.IsAsciiDigit), false));
                }
            }
        }

        // A table row's cells ("Nakládka | Bratislava | 821 04 | 27.05.2027") read as an address's comma-separated parts; the
        // separator has the same length, so every index stays that of the line.
        var cells = line.Contains(" | ", StringComparison.Ordinal) ? line.Replace(" | ", ",  ", StringComparison.Ordinal) : line;
        if (result.Count == 0 && hasDigitRun && HasDigitAfterComma(cells))
        {
            foreach (Match m in CityThenCode().Matches(cells))
            {
                var city = TrimCity(m.Groups["city"].Value);
                var code = m.Groups["pc"].Value;
                // "Rīga, LV-1050": a country prefix on the code names the country.
                var prefixed = m.Groups["cc"].Success ? StopCountryNames.FromCode(m.Groups["cc"].Value) : null;
                if (city.Length > 1 && !NotCities.Contains(FirstWord(city)) && (prefixed is not null || !m.Groups["cc"].Success))
                {
                    var named = prefixed ?? CountryAfter(cells, m.Index + m.Length);
                    var country = named ?? PatternCountry(code);
                    result.Add(new PostalPlace(m.Index, m.Length, code, city, country, code.Count(char.IsAsciiDigit), false) { CountryFromShape = named is null && country is not null });
                }
            }
        }

        if (result.Count == 0 && hasDigitRun && CodeAfterItsName().Match(line) is { Success: true } codeWords && TownBefore(line, codeWords.Index) is { } namedTown)
        {
            // "Calea Aradului 12, Timișoara, jud. Timiș, cod poștal 300011": the code after the words that name it, the town
            // the nearest piece before them that the gazetteer knows (a county or a street is none).
            var code = codeWords.Groups["pc"].Value;
            var end = codeWords.Index + codeWords.Length;
            // Greek "Τ.Κ." before five digits is Greece's code (Cyprus writes four); the shape alone would say Czechia.
            var named = CountryAfter(line, end) ?? (codeWords.Groups["greek"].Success && code.Count(char.IsAsciiDigit) == 5 ? "GR" : null);
            var country = named ?? PatternCountry(code);
            result.Add(new PostalPlace(namedTown.Index, end - namedTown.Index, code, namedTown.City, country, code.Count(char.IsAsciiDigit), false) { CountryFromShape = named is null && country is not null });
        }

        if (result.Count == 0 && hasDigitRun)
        {
            // "ул. „Индустриална“ 14, Габрово 5300", "гр. Пловдив 4000", "Bergen 5003", "Baia Mare 430071": the city before a bare code that ends
            // the address (end of line, a comma or a bracket follows). Words other than places take this
            // shape too, so the place needs the gazetteer's confirmation.
            foreach (Match m in CityThenBareCode().Matches(line))
            {
                var city = TrimCity(m.Groups["city"].Value);
                var code = m.Groups["pc"].Value;
                var first = FirstWord(city);
                if (city.Length > 2 && !NotCities.Contains(first) && !NumberWords.Contains(first) && MonthNames.MonthOf(first) == 0)
                {
                    var named = CountryAfter(line, m.Index + m.Length);
                    var country = named ?? PatternCountry(code);
                    result.Add(new PostalPlace(m.Index, m.Length, code, city, country, code.Count(char.IsAsciiDigit), false)
                    {
                        CountryFromShape = named is null && country is not null,
                        NeedsConfirmation = true,
                    });
                }
            }
        }

        if (result.Count == 0 && hasDigitRun)
        {
            // Icelandic and Faroese codes have three digits and no prefix ("Sundagarðar 2, 104 Reykjavík"). Counts take
            // that shape too ("Ladung: 120 Paletten"), so it is a place only where an address puts it (after a comma or a
            // label, ending the line or before a comma) and when the gazetteer knows the city in one of those countries.
            foreach (Match m in ThreeDigitCodeThenCity().Matches(line))
            {
                var city = TrimCity(m.Groups["city"].Value);
                if (city.Length > 1 && !NotCities.Contains(FirstWord(city)) && ThreeDigitCountry(city) is { } country)
                {
                    result.Add(new PostalPlace(m.Index, m.Length, m.Groups["pc"].Value, city, country, 3, false));
                }
            }
        }

        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    /// <summary>
    /// Adds the places of <paramref name="pattern"/>'s matches (a code group "pc" and a town group "city") in a country whose
    /// codes have letters (<paramref name="country"/>: GB, IE), unless the town's first word is no town ("EUR", "Tel").
    /// </summary>
    private static void AddCodedTowns(List<PostalPlace> result, Regex pattern, string line, string country)
    {
        foreach (Match m in pattern.Matches(line))
        {
            var city = TrimCity(m.Groups["city"].Value);
            if (city.Length > 1 && !NotCities.Contains(FirstWord(city)))
            {
                result.Add(new PostalPlace(m.Index, m.Length, m.Groups["pc"].Value, city, country, 0, false));
            }
        }
    }

    /// <summary>
    /// The town of a code written after its name (<see cref="CodeAfterItsName"/>): of the comma-separated pieces before
    /// <paramref name="end"/> (a label's colon ends one too), the nearest the gazetteer knows as a town, within three
    /// pieces; else the nearest that is one capitalised word ("Φόρτωση: Σίνδος, Τ.Κ. 570 22"), since the words before the
    /// code say it is an address's. A county ("jud. Timiș") or a street with its number is none.
    /// </summary>
    private static (int Index, string City)? TownBefore(string line, int end)
    {
        var gazetteer = Geo.OfflineGazetteer.Shared;
        (int Index, string City)? oneWord = null;
        for (var (pieceEnd, pieces) = (end, 0); pieceEnd > 0 && pieces < 3; pieces++)
        {
            var separator = line.AsSpan(0, pieceEnd).LastIndexOfAny(',', ':');
            var start = separator + 1;
            var piece = line[start..pieceEnd].Trim();
            if (piece.Length > 1 && char.IsUpper(piece[0]) && !piece.Any(char.IsAsciiDigit))
            {
                var at = line.IndexOf(piece, start, StringComparison.Ordinal);
                if (gazetteer.IsKnownCity(piece))
                {
                    return (at, piece);
                }

                if (oneWord is null && piece.All(c => char.IsLetter(c) || c == '-'))
                {
                    oneWord = (at, piece);
                }
            }

            if (separator < 0 || line[separator] == ':')
            {
                break;
            }

            pieceEnd = separator;
        }

        return oneWord;
    }

    /// <summary>The countries whose postal codes are three bare digits.</summary>
    private static readonly string[] ThreeDigitCodeCountries = ["IS", "FO"];

    /// <summary>The country of <paramref name="city"/> among <see cref="ThreeDigitCodeCountries"/> in the embedded gazetteer, or null.</summary>
    private static string? ThreeDigitCountry(string city)
    {
        var gazetteer = Geo.OfflineGazetteer.Shared;
        if (!gazetteer.IsKnownCity(city))
        {
            return null;
        }

        foreach (var entry in gazetteer.FindAll(city))
        {
            if (Array.IndexOf(ThreeDigitCodeCountries, entry.CountryCode) >= 0)
            {
                return entry.CountryCode;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="line"/> holds three decimal digits in a row (of any script, as regex \d).</summary>
    private static bool HasThreeDigitRun(string line)
    {
        var run = 0;
        foreach (var c in line)
        {
            if (char.IsDigit(c))
            {
                if (++run == 3)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
            }
        }

        return false;
    }

    /// <summary>True when a number follows <paramref name="from"/> after at most a comma, a dot and spaces.</summary>
    private static bool DayFollows(string line, int from)
    {
        var i = from;
        while (i < line.Length && line[i] is ' ' or ',' or '.' or '\t')
        {
            i++;
        }

        return i < line.Length && char.IsAsciiDigit(line[i]);
    }

    /// <summary>After a settlement word's abbreviation at <paramref name="i"/> ("м. ", "гр. "), else <paramref name="i"/>.</summary>
    private static int SkipTownAbbreviation(string line, int i)
    {
        var j = i;
        while (j < line.Length && j - i < 3 && char.IsLower(line[j]))
        {
            j++;
        }

        if (j == i || j >= line.Length || line[j] != '.')
        {
            return i;
        }

        j++;
        return j < line.Length && line[j] is ' ' or '\t' ? j + 1 : j;
    }

    /// <summary>
    /// True when the line has what every <see cref="CodeThenCity"/> match holds where its code meets its
    /// city: the code's last character (a digit, or a capital letter of a Dutch code "5928 PR"), then
    /// spaces, tabs or commas, then an upper-case letter (the city's first, \p{Lu}). Lines with numbers
    /// but no such place ("24.000 kg", "Tel. +49 89 1234567", "26.11.2026 08:00") skip the pattern.
    /// </summary>
    private static bool HasCodeBeforeCapital(string line)
    {
        for (var i = line.AsSpan().IndexOfAny(' ', '\t', ','); i >= 0 && i < line.Length; )
        {
            if (i > 0 && (char.IsDigit(line[i - 1]) || char.IsAsciiLetterUpper(line[i - 1])))
            {
                var j = i + 1;
                while (j < line.Length && line[j] is ' ' or '\t' or ',')
                {
                    j++;
                }

                j = SkipTownAbbreviation(line, j);
                if (j < line.Length && char.GetUnicodeCategory(line[j]) == System.Globalization.UnicodeCategory.UppercaseLetter)
                {
                    return true;
                }

                i = j;
            }
            else
            {
                i++;
            }

            var next = i < line.Length ? line.AsSpan(i).IndexOfAny(' ', '\t', ',') : -1;
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }

    /// <summary>
    /// True when the line has what every <see cref="CityThenCode"/> match holds: a comma, spaces or
    /// tabs, then a digit (the code's first, \d).
    /// </summary>
    private static bool HasDigitAfterComma(string line)
    {
        for (var i = line.IndexOf(','); i >= 0; i = line.IndexOf(',', i + 1))
        {
            var j = i + 1;
            if (j >= line.Length || line[j] is not (' ' or '\t'))
            {
                continue;
            }

            while (j < line.Length && line[j] is ' ' or '\t')
            {
                j++;
            }

            if (j < line.Length && char.IsDigit(line[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the line holds three capital letters, an optional space and four digits, which every Maltese code match needs.</summary>
    private static bool HasMalteseLocalityCode(ReadOnlySpan<char> line)
    {
        for (var i = line.IndexOfAnyInRange('A', 'Z'); i >= 0 && i + 7 <= line.Length; i++)
        {
            if (char.IsAsciiLetterUpper(line[i]) && char.IsAsciiLetterUpper(line[i + 1]) && char.IsAsciiLetterUpper(line[i + 2]))
            {
                var digits = line[i + 3] == ' ' ? i + 4 : i + 3;
                if (digits + 4 <= line.Length && char.IsAsciiDigit(line[digits]) && char.IsAsciiDigit(line[digits + 3]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the line holds an Eircode's routing key and the space after it ("N37 ", "D6W "), which every Eircode match needs.</summary>
    private static bool HasEircodeRoutingKey(string line)
    {
        for (var i = 0; i + 4 < line.Length; i++)
        {
            if (char.IsAsciiLetterUpper(line[i]) && char.IsAsciiDigit(line[i + 1]) && (char.IsAsciiDigit(line[i + 2]) || line[i + 2] == 'W') && line[i + 3] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the line has what every British postcode match needs: its inward part, a space, a
    /// digit and two capital letters (" 8QL"); the pattern itself starts at every capital letter.
    /// </summary>
    private static bool HasBritishInwardCode(string line)
    {
        for (var i = line.IndexOf(' '); i >= 0 && i + 3 < line.Length; i = line.IndexOf(' ', i + 1))
        {
            if (char.IsDigit(line[i + 1]) && char.IsAsciiLetterUpper(line[i + 2]) && char.IsAsciiLetterUpper(line[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    private static PostalPlace? FromCodeThenCity(string line, Match m)
    {
        var code = m.Groups["pc"].Value;
        var rawCity = m.Groups["city"].Value;
        var first = FirstWord(rawCity);
        if (NotCities.Contains(first))
        {
            return null;
        }

        var before = WordBefore(line, m.Index);
        if (before is not null && NumberWords.Contains(before.TrimEnd('.', ':')))
        {
            return null;
        }

        // "Τ.Κ. 570 22, Πέμπτη 27/05": a weekday or a month before a day is a date's, not a town ("19034 Luni" is one).
        if ((WeekdayNames.DayOf(first) != 0 || MonthNames.MonthOf(first) != 0) && DayFollows(line, m.Groups["city"].Index + first.Length))
        {
            return null;
        }

        // "21. decembra 2026, Magna Steyr": a year after its month, not a code before a city ("15 april, 61-248 Poznań" is one).
        if (before is not null && !m.Groups["cc"].Success && IsYear(m.Groups["pc"].ValueSpan) && MonthNames.MonthOf(before.TrimEnd('.', ',')) != 0)
        {
            return null;
        }

        // "Podgorica 81000, Cetinjski put bb": the city before its code, then a comma and the street. Read as code then
        // city it would make the street the city; CityThenBareCode reads it the right way round.
        var pc = m.Groups["pc"];
        if (!m.Groups["cc"].Success && before is { Length: > 2 } && char.IsUpper(before[0]) && before.All(char.IsLetter)
            && line.AsSpan(pc.Index + pc.Length, m.Groups["city"].Index - pc.Index - pc.Length).Contains(','))
        {
            return null;
        }

        string? country = null;
        var cc = m.Groups["cc"];
        if (cc.Success)
        {
            country = StopCountryNames.FromCode(cc.Value);
            if (country is null)
            {
                // Not a country prefix ("EPAL 1234"): the code starts after it.
                if (cc.Value.Length > 1)
                {
                    return null;
                }
            }
        }

        if (StopCountryNames.FromName(rawCity) is not null && m.Value.Contains(','))
        {
            // "Mladá Boleslav, 293 01, Czech Republic": the word after the code is the country, not the city.
            return null;
        }

        var (city, trailingCountry) = SplitTrailingCountry(TrimCity(rawCity));
        if (city.Length < 2 || city.All(c => !char.IsLetter(c)))
        {
            return null;
        }

        country ??= trailingCountry;
        var cityEnd = m.Groups["city"].Index + rawCity.Length;
        var province = false;
        var bracketed = false;
        if (country is null)
        {
            country = CountryAfter(line, cityEnd);
            if (ProvinceAfter().Match(line, cityEnd) is { Success: true } p)
            {
                // "(TV)" is a province; "(BG)" may be Bulgaria or Bergamo ("24040 Stezzano (BG)"), so a country read
                // from brackets is only a guess that the gazetteer may correct, as one read from the code's shape.
                province = country is null && StopCountryNames.FromCode(p.Groups[1].Value) is null;
                bracketed = country is not null;
            }
        }

        var fromShape = country is null || bracketed;
        country ??= PatternCountry(code);
        var digits = code.Count(char.IsAsciiDigit);

        // "79035, м. Львів", "1000 гр. София": a settlement word's abbreviation before the town. Street abbreviations
        // take the same shape ("ul. Długa"), so the gazetteer must know the town.
        return new PostalPlace(m.Index, cityEnd - m.Index, code, city, country, digits, province && digits == 5)
        {
            CountryFromShape = fromShape && country is not null,
            NeedsConfirmation = m.Groups["abbr"].Success,
        };
    }

    /// <summary>The country a postal code's shape implies when only one country writes it so.</summary>
    internal static string? PatternCountry(string code)
    {
        if (PolishCode().IsMatch(code))
        {
            return "PL";
        }

        if (PortugueseCode().IsMatch(code))
        {
            return "PT";
        }

        if (DutchCode().IsMatch(code))
        {
            return "NL";
        }

        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            return "RO";
        }

        if (CzechSlovakCode().IsMatch(code))
        {
            // Czech codes start with 1-7, Slovak ones with 0, 8 or 9.
            return code[0] is '0' or '8' or '9' ? "SK" : "CZ";
        }

        return null;
    }

    /// <summary>A country named right after a place: ", Poland", " (CZ)", " - Austria", "(Germania)".</summary>
    internal static string? CountryAfter(string line, int from)
    {
        var end = Math.Min(line.Length, from + 60);
        if (from >= end)
        {
            return null;
        }

        var rest = line[from..end];
        var pieces = PieceSeparator().Split(rest);
        var checkedPieces = 0;
        foreach (var raw in pieces)
        {
            var piece = raw.Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            if (++checkedPieces > 3)
            {
                break;
            }

            if (StopCountryNames.FromName(piece) is { } iso)
            {
                return iso;
            }

            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var n = Math.Min(3, words.Length); n >= 1; n--)
            {
                if (StopCountryNames.FromName(string.Join(' ', words.Take(n))) is { } prefixIso && (n > 1 || words[0].Length > 1))
                {
                    return prefixIso;
                }
            }

            if (piece.Any(char.IsAsciiDigit))
            {
                break;
            }
        }

        return null;
    }

    private static (string City, string? Country) SplitTrailingCountry(string city)
    {
        var words = city.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(3, words.Length - 1); n >= 1; n--)
        {
            var tail = string.Join(' ', words[^n..]);
            var isCode = n == 1 && tail.Length is 2 or 3 && tail.All(char.IsAsciiLetterUpper);
            if ((isCode && StopCountryNames.FromCode(tail) is { } code))
            {
                return (string.Join(' ', words[..^n]), code);
            }

            if (tail.Length > 3 && StopCountryNames.FromName(tail) is { } named)
            {
                return (string.Join(' ', words[..^n]), named);
            }
        }

        return (city, null);
    }

    private static string TrimCity(string city)
    {
        // The words between spaces, trailing lower-case words ("tel", "und": prose after the city, not part
        // of it) dropped while more than one is left, joined by single spaces; read in place, since this runs
        // for every postcode match of every line.
        var words = city.AsSpan().Trim(' ');
        var wordCount = words.IsEmpty ? 0 : 1;
        for (var i = 1; i < words.Length; i++)
        {
            wordCount += words[i] != ' ' && words[i - 1] == ' ' ? 1 : 0;
        }

        while (wordCount > 1)
        {
            var lastSpace = words.LastIndexOf(' ');
            if (!char.IsLower(words[lastSpace + 1]))
            {
                break;
            }

            words = words[..lastSpace].TrimEnd(' ');
            wordCount--;
        }

        // Runs of spaces inside the name become one (rare: the slow path only there).
        var joined = words.Contains("  ", StringComparison.Ordinal)
            ? string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).AsSpan()
            : words;
        return joined.Trim().TrimEnd(".-,’'").ToString();
    }

    private static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            i++;
        }

        return text[..i];
    }

    private static string? WordBefore(string line, int index)
    {
        var end = index;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && !char.IsWhiteSpace(line[start - 1]) && line[start - 1] != '(')
        {
            start--;
        }

        return start < end ? line[start..end] : null;
    }

    private static bool IsYear(ReadOnlySpan<char> code) => code.Length == 4 && (code.StartsWith("19") || code.StartsWith("20")) && !code.ContainsAnyExceptInRange('0', '9');

    private static bool Overlap(PostalPlace p, int index, int length) => index < p.Index + p.Length && p.Index < index + length;

    private const string CityPattern = @"\p{Lu}[\p{L}\p{M}'’.\-]*(?:(?: |-)(?:\p{L}[\p{L}\p{M}'’.\-]*|\d{1,2}(?![\d.:,/\-])))*";

    [GeneratedRegex(@"(?<![\p{L}\d\-/.+#:])(?<!\d\.[ \u00A0])(?:(?<cc>[A-Z]{1,3})(?:-|\s))?(?<pc>\d{2}-\d{3}|\d{4}-\d{3}|\d{3}\s\d{2}|\d{4}\s?[A-Z]{2}(?=[ ,])|\d{4,6}|(?<=\b(?:IS|FO)[-\s])\d{3})(?![\d]|[\-/.,:]\d)[ \t,]+(?<abbr>\p{Ll}{1,3}\.[ \t]?)?(?<city>" + CityPattern + ")", RegexOptions.CultureInvariant)]
    private static partial Regex CodeThenCity();

    [GeneratedRegex(@"(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?:,? \p{Lu}[\p{L}\p{M}'’.\-]*)*)[ \t]+(?<pc>[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})(?![A-Za-z\d])", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenBritishCode();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<pc>[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})[ \t]+(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex BritishCodeThenCity();

    [GeneratedRegex(@"(?<![\p{L}])(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{L}[\p{L}\p{M}'’.\-]*){0,3})(?:[ \t]+\([\p{L} ]{1,30}\))?,[ \t]+(?:(?<cc>[A-Z]{2})-)?(?<pc>\d{3} \d{2}|\d{2}-\d{3}|\d{4,5})(?=\s*(?:,|$|\())", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenCode();

    [GeneratedRegex(@"(?<=[,:]\s*(?:\p{Ll}{1,3}\.\s?)?)(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,2})[ \t]+(?<pc>\d{3} \d{2}|\d{2}-\d{3}|\d{4,6})(?=\s*(?:[,;(]|\.?\s*$))", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenBareCode();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,2})[ \t]+(?<cc>[A-Z]{1,3})-(?<pc>\d{2}-\d{3}|\d{3} \d{2}|\d{4,5})(?![\d\-])", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenPrefixedCode();

    /// <summary>A postal code after the words that name it: "cod poștal 300011", "kod pocztowy 00-950", "PSČ 602 00", "PLZ 80331", "CP 28001", "Τ.Κ. 570 22".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:cod\s+po[sșş]tal|kod\s+pocztowy|ps[čc]|plz|code\s+postal|c[óo]digo\s+postal|codice\s+postale|c\.\s?p\.|postcode|post\s+code|zip\s+code|ir[áa]ny[íi]t[óo]sz[áa]m|postleitzahl|postnummer|пощенски\s+код|поштански\s+број|(?<greek>τ\.\s?κ\.))\s*:?\s*(?<pc>\d{2}-\d{3}|\d{3}\s\d{2}|\d{4,6})(?![\d\-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodeAfterItsName();

    [GeneratedRegex(@"(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,3})(?:[ \t]\d{1,2}(?=,|[ \t]\())?(?:,\s*(?:Co\.?|County)\s+\p{Lu}\p{L}+)?,?[ \t]+\(?(?<pc>(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})(?![A-Za-z\d])", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenEircode();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<pc>(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})[ \t,]+(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex EircodeThenCity();

    [GeneratedRegex(@"(?<=(?:^|[,:])[ \t]*)(?<pc>\d{3})[ \t]+(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,2})(?=\s*(?:,|$))", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeDigitCodeThenCity();

    [GeneratedRegex(@"(?<![\p{L}])(?<city>\p{Lu}[\p{L}\p{M}'’\-]*(?: \p{Lu}[\p{L}\p{M}'’\-]*){0,2})[ \t]+(?<pc>[A-Z]{3} ?\d{4})(?![A-Za-z\d])", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenMalteseCode();

    [GeneratedRegex(@"(?<![\p{L}])(?<city>\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,3})[ \t]*\((?<pc>\d{4}-\d{3}|\d{4,5}|\d{3} \d{2}|\d{2}-\d{3})(?:,[ \t]*(?<named>\p{L}[\p{L}\p{M} .\-]{0,30}))?\)", RegexOptions.CultureInvariant)]
    private static partial Regex CityThenBracketedCode();

    [GeneratedRegex(@"\G\s*\(([A-Z]{2})\)")]
    private static partial Regex ProvinceAfter();

    [GeneratedRegex(@"[,()|;/]| - | – ")]
    private static partial Regex PieceSeparator();

    [GeneratedRegex(@"^\d{2}-\d{3}$")]
    private static partial Regex PolishCode();

    [GeneratedRegex(@"^\d{4}-\d{3}$")]
    private static partial Regex PortugueseCode();

    [GeneratedRegex(@"^\d{4} ?[A-Z]{2}$")]
    private static partial Regex DutchCode();

    [GeneratedRegex(@"^\d{3} \d{2}$")]
    private static partial Regex CzechSlovakCode();
}
