using FleetManager.Core.Geo;
using FleetManager.Core.Text;

namespace FleetManager.Core.Tests.Geo;

public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("Německo", "DE")]
    [InlineData("NIEMCY", "DE")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("Германия", "DE")]
    [InlineData("Almanya", "DE")]
    [InlineData("Allemagne", "DE")]
    [InlineData("Česká republika", "CZ")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Czechia", "CZ")]
    [InlineData("Tschechien", "CZ")]
    [InlineData("Czechy", "CZ")]
    [InlineData("Csehország", "CZ")]
    [InlineData("Cehia", "CZ")]
    [InlineData("Magyarország", "HU")]
    [InlineData("Ungarn", "HU")]
    [InlineData("Węgry", "HU")]
    [InlineData("Maďarsko", "HU")]
    [InlineData("Bulgaria", "BG")]
    [InlineData("България", "BG")]
    [InlineData("Bułgaria", "BG")]
    [InlineData("Balgariya", "BG")]
    [InlineData("Wielka Brytania", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("England", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("the Netherlands", "NL")]
    [InlineData("Holandia", "NL")]
    [InlineData("Włochy", "IT")]
    [InlineData("Italia", "IT")]
    [InlineData("República Checa", "CZ")]
    [InlineData("Rumunia", "RO")]
    [InlineData("România", "RO")]
    [InlineData("Румъния", "RO")]
    [InlineData("Slovensko", "SK")]
    [InlineData("Slovenija", "SI")]
    [InlineData("Srbija", "RS")]
    [InlineData("Србија", "RS")]
    [InlineData("Hrvatska", "HR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Lietuva", "LT")]
    [InlineData("Danmark", "DK")]
    [InlineData("Sverige", "SE")]
    [InlineData("Österreich", "AT")]
    [InlineData("Schweiz", "CH")]
    [InlineData("Polska", "PL")]
    [InlineData("Espagne", "ES")]
    [InlineData("USA", "US")]
    [InlineData("China", "CN")]
    [InlineData("Maroc", "MA")]
    [InlineData("CZ", "CZ")]
    [InlineData("pl", "PL")]
    [InlineData("DEU", "DE")]
    [InlineData("SVK", "SK")]
    public void TryResolve_CountryNameOrSafeCode_ReturnsIso2(string text, string expected)
    {
        Assert.True(CountryNames.TryResolve(text, out var iso2), text);
        Assert.Equal(expected, iso2);
    }

    [Theory]
    [InlineData("I")]
    [InlineData("A")]
    [InlineData("S")]
    [InlineData("E")]
    [InlineData("P")]
    [InlineData("L")]
    [InlineData("B")]
    [InlineData("N")]
    [InlineData("D")]
    [InlineData("de")]
    [InlineData("it")]
    [InlineData("at")]
    [InlineData("be")]
    [InlineData("es")]
    [InlineData("fin")]
    [InlineData("and")]
    [InlineData("aus")]
    [InlineData("Tautliner")]
    [InlineData("")]
    public void TryResolve_CommonWordOrOneLetterCode_ReturnsFalse(string text)
    {
        Assert.False(CountryNames.TryResolve(text, out _), text);
    }

    [Theory]
    [InlineData("D", "DE")]
    [InlineData("F", "FR")]
    [InlineData("I", "IT")]
    [InlineData("A", "AT")]
    [InlineData("CH", "CH")]
    [InlineData("CZ", "CZ")]
    [InlineData("SK", "SK")]
    [InlineData("H", "HU")]
    [InlineData("PL", "PL")]
    [InlineData("RO", "RO")]
    [InlineData("BG", "BG")]
    [InlineData("SLO", "SI")]
    [InlineData("LT", "LT")]
    [InlineData("LV", "LV")]
    [InlineData("EST", "EE")]
    [InlineData("NL", "NL")]
    [InlineData("B", "BE")]
    [InlineData("L", "LU")]
    [InlineData("E", "ES")]
    [InlineData("P", "PT")]
    [InlineData("GB", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("IRL", "IE")]
    [InlineData("DK", "DK")]
    [InlineData("S", "SE")]
    [InlineData("N", "NO")]
    [InlineData("FIN", "FI")]
    [InlineData("GR", "GR")]
    [InlineData("TR", "TR")]
    [InlineData("HR", "HR")]
    [InlineData("SRB", "RS")]
    [InlineData("BIH", "BA")]
    [InlineData("MNE", "ME")]
    [InlineData("MK", "MK")]
    [InlineData("AL", "AL")]
    [InlineData("UA", "UA")]
    [InlineData("BY", "BY")]
    [InlineData("MD", "MD")]
    [InlineData("RUS", "RU")]
    [InlineData("DE", "DE")]
    [InlineData("IT", "IT")]
    [InlineData("DEU", "DE")]
    [InlineData("D-", "DE")]
    [InlineData("(PL)", "PL")]
    public void TryResolveCode_VehicleOrIsoCode_ReturnsIso2(string token, string expected)
    {
        Assert.True(CountryNames.TryResolveCode(token, out var iso2), token);
        Assert.Equal(expected, iso2);
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("XYZ")]
    [InlineData("Germany")]
    [InlineData("")]
    public void TryResolveCode_NotACode_ReturnsFalse(string token)
    {
        Assert.False(CountryNames.TryResolveCode(token, out _), token);
    }

    [Theory]
    [InlineData("DE", "Germany")]
    [InlineData("cz", "Czechia")]
    [InlineData("GB", "United Kingdom")]
    [InlineData("BG", "Bulgaria")]
    public void NameOf_KnownCode_ReturnsEnglishName(string iso2, string expected)
    {
        Assert.Equal(expected, CountryNames.NameOf(iso2));
    }

    [Fact]
    public void NameOf_UnknownCode_ReturnsNull()
    {
        Assert.Null(CountryNames.NameOf("QQ"));
    }

    [Fact]
    public void Vocabulary_NoNameMeansTwoCountries()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var (name, iso2) in CountryNames.AllNames())
        {
            var key = TextFold.FoldLettersAndDigits(name).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (owners.TryGetValue(key, out var owner) && owner != iso2)
            {
                clashes.Add($"{name}: {owner} and {iso2}");
            }

            owners.TryAdd(key, iso2);
        }

        Assert.True(clashes.Count == 0, string.Join("; ", clashes));
    }

    [Fact]
    public void Vocabulary_EveryNameResolvesToItsCountry()
    {
        var wrong = CountryNames.AllNames()
            .Where(pair => !CountryNames.TryResolve(pair.Name, out var iso2) || iso2 != pair.Iso2)
            .Select(pair => $"{pair.Name} ({pair.Iso2})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }
}
