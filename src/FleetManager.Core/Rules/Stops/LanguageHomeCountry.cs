using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The country a mail in a given language most likely means when a postal code's shape fits several
/// countries: each language file names its home country (<c>home</c>), and this table knows how many digits
/// that country's codes have. "570 22 Σίνδος" in a Greek mail is Greek although "NNN NN" is also Czech.
/// </summary>
internal static class LanguageHomeCountry
{
    /// <summary>Home country by language code, from the language files.</summary>
    private static readonly Dictionary<string, string> HomeByLanguage = Build();

    /// <summary>
    /// The digits of the all-numeric postal codes of the home countries. Why a table: the count is a fact
    /// of the country's postal system, not of the language, and it keeps a guess from landing on a code
    /// the country cannot have (a 4-digit code in a Greek mail is not Greek).
    /// </summary>
    private static readonly Dictionary<string, int> PostalDigits = new(StringComparer.Ordinal)
    {
        ["BG"] = 4, ["CZ"] = 5, ["DK"] = 4, ["DE"] = 5, ["GR"] = 5, ["ES"] = 5, ["EE"] = 5, ["FI"] = 5,
        ["FR"] = 5, ["HR"] = 5, ["HU"] = 4, ["IS"] = 3, ["IT"] = 5, ["LT"] = 5, ["LV"] = 4, ["NO"] = 4,
        ["RO"] = 6, ["SK"] = 5, ["SI"] = 4, ["RS"] = 5, ["SE"] = 5, ["TR"] = 5, ["UA"] = 5, ["AT"] = 4,
        ["CH"] = 4, ["BE"] = 4, ["LU"] = 4,
    };

    /// <summary>The digits of <paramref name="country"/>'s all-numeric postal codes, or null when the table does not know them.</summary>
    public static int? PostalDigitsOf(string country) => PostalDigits.TryGetValue(country, out var digits) ? digits : null;

    /// <summary>The home country of <paramref name="language"/> when its codes have <paramref name="digits"/> digits; else null.</summary>
    public static string? For(string? language, int digits)
        => language is not null && HomeByLanguage.TryGetValue(language, out var home) && PostalDigits.TryGetValue(home, out var d) && d == digits ? home : null;

    private static Dictionary<string, string> Build()
    {
        var homes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in VocabularyCatalog.Languages)
        {
            if (language.Words("home") is [var home, ..])
            {
                homes[language.Code] = home.Trim().ToUpperInvariant();
            }
        }

        return homes;
    }
}
