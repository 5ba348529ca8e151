using FleetManager.Core.Geo;
using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Geo;

public sealed class OfflineGazetteerTests
{
    private static readonly OfflineGazetteer Gazetteer = OfflineGazetteer.Shared;

    [Theory]
    [InlineData("Kempten", "DE", "Kempten (Allgäu)")]
    [InlineData("Halle", "DE", "Halle (Saale)")]
    public void FindAll_NameWithoutItsBracketedQualifier_FindsThePlace(string written, string country, string name)
        => Assert.Contains(Gazetteer.FindAll(written), e => e.CountryCode == country && e.Name == name);

    [Fact]
    public void FindAll_CuratedBracketedNameOfAnotherPlace_AddsNoNamesake()
    {
        // Mons is "Bergen (Henegouwen)" in Dutch: only a place's own name gives its bracket-less core, so "Bergen" stays
        // Norway's, the Netherlands' and Germany's, not also Belgium's.
        Assert.DoesNotContain(Gazetteer.FindAll("Bergen"), e => e.CountryCode == "BE");
        Assert.Equal("NO", Gazetteer.FindAll("Bergen")[0].CountryCode);
    }

    [Theory]
    [InlineData("München", "DE", "Munich")]
    [InlineData("Munich", "DE", "Munich")]
    [InlineData("Muenchen", "DE", "Munich")]
    [InlineData("MÜNCHEN", "DE", "Munich")]
    [InlineData("Мюнхен", "DE", "Munich")]
    [InlineData("Warszawa", "PL", "Warsaw")]
    [InlineData("Warsaw", "PL", "Warsaw")]
    [InlineData("Warschau", "PL", "Warsaw")]
    [InlineData("Варшава", "PL", "Warsaw")]
    [InlineData("София", "BG", "Sofia")]
    [InlineData("Sofia", "BG", "Sofia")]
    [InlineData("Пловдив", "BG", "Plovdiv")]
    [InlineData("Łódź", "PL", "Łódź")]
    [InlineData("Lodz", "PL", "Łódź")]
    [InlineData("LODZ", "PL", "Łódź")]
    [InlineData("Praha", "CZ", "Prague")]
    [InlineData("Wien", "AT", "Vienna")]
    [InlineData("Köln", "DE", "Köln")]
    [InlineData("Cologne", "DE", "Köln")]
    [InlineData("Nürnberg", "DE", "Nürnberg")]
    [InlineData("Nuremberg", "DE", "Nürnberg")]
    [InlineData("Milano", "IT", "Milan")]
    [InlineData("Torino", "IT", "Turin")]
    [InlineData("Lisboa", "PT", "Lisbon")]
    [InlineData("Bucureşti", "RO", "Bucharest")]
    [InlineData("București", "RO", "Bucharest")]
    [InlineData("Букурещ", "RO", "Bucharest")]
    [InlineData("Beograd", "RS", "Belgrade")]
    [InlineData("Kraków", "PL", "Kraków")]
    [InlineData("Cracow", "PL", "Kraków")]
    [InlineData("Göteborg", "SE", "Göteborg")]
    [InlineData("Gothenburg", "SE", "Göteborg")]
    [InlineData("København", "DK", "Copenhagen")]
    [InlineData("Bruxelles", "BE", "Brussels")]
    [InlineData("Brussel", "BE", "Brussels")]
    [InlineData("Anvers", "BE", "Antwerpen")]
    [InlineData("Den Haag", "NL", "The Hague")]
    [InlineData("Venezia", "IT", "Venice")]
    [InlineData("Athína", "GR", "Athens")]
    [InlineData("Kyiv", "UA", "Kyiv")]
    [InlineData("Moskva", "RU", "Moscow")]
    [InlineData("Pilsen", "CZ", "Pilsen")]
    [InlineData("Plzeň", "CZ", "Pilsen")]
    [InlineData("Brünn", "CZ", "Brno")]
    [InlineData("Breslau", "PL", "Wrocław")]
    [InlineData("Danzig", "PL", "Gdańsk")]
    [InlineData("Stettin", "PL", "Szczecin")]
    [InlineData("Posen", "PL", "Poznań")]
    [InlineData("Истанбул", "TR", "Istanbul")]
    public void TryFind_NameInAnySupportedForm_FindsThePlace(string city, string country, string expectedName)
    {
        Assert.True(Gazetteer.TryFind(city, null, out var entry), city);
        Assert.Equal(country, entry.CountryCode);
        Assert.Equal(expectedName, entry.Name);
    }

    [Theory]
    [InlineData("Русе", "Ruse")]
    [InlineData("Враца", "Vratsa")]
    [InlineData("Пазарджик", "Pazardzhik")]
    [InlineData("Варна", "Varna")]
    [InlineData("Бургас", "Burgas")]
    [InlineData("Габрово", "Gabrovo")]
    [InlineData("Казанлък", "Kazanlak")]
    [InlineData("Севлиево", "Sevlievo")]
    public void TryFind_BulgarianCyrillic_MatchesTheLatinGeoNamesName(string city, string expectedName)
    {
        Assert.True(Gazetteer.TryFind(city, "BG", out var entry), city);
        Assert.Equal("BG", entry.CountryCode);
        Assert.Equal(expectedName, entry.Name);
    }

    [Theory]
    [InlineData("Frankfurt am Main")]
    [InlineData("Frankfurt a. M.")]
    [InlineData("Frankfurt a.M.")]
    [InlineData("Frankfurt/Main")]
    [InlineData("Frankfurt")]
    [InlineData("FRANKFURT AM MAIN")]
    public void TryFind_FrankfurtWritten_FindsFrankfurtAmMain(string city)
    {
        Assert.True(Gazetteer.TryFind(city, "DE", out var entry), city);
        Assert.Equal("Frankfurt am Main", entry.Name);
    }

    [Fact]
    public void TryFind_FrankfurtOder_FindsTheTownOnTheOder()
    {
        Assert.True(Gazetteer.TryFind("Frankfurt (Oder)", "DE", out var entry));
        Assert.Equal("Frankfurt (Oder)", entry.Name);
        Assert.True(Gazetteer.TryFind("Frankfurt/Oder", "DE", out var slash));
        Assert.Equal("Frankfurt (Oder)", slash.Name);
    }

    [Theory]
    [InlineData("St. Pölten", "AT")]
    [InlineData("Sankt Pölten", "AT")]
    [InlineData("Saint Pölten", "AT")]
    [InlineData("St Etienne", "FR")]
    [InlineData("Saint-Étienne", "FR")]
    [InlineData("St. Gallen", "CH")]
    [InlineData("Saint Vulbas", "FR")]
    public void TryFind_SaintSanktSt_AreOneWord(string city, string country)
    {
        Assert.True(Gazetteer.TryFind(city, country, out var entry), city);
        Assert.Equal(country, entry.CountryCode);
    }

    [Theory]
    [InlineData("Bielsko Biała", "Bielsko-Biala")]
    [InlineData("Bielsko-Biała", "Bielsko-Biala")]
    [InlineData("Mülheim Kärlich", "Mülheim-Kärlich")]
    public void TryFind_HyphenOrSpace_MatchesEither(string city, string expectedName)
    {
        Assert.True(Gazetteer.TryFind(city, null, out var entry), city);
        Assert.Equal(expectedName, entry.Name);
    }

    [Theory]
    [InlineData("Praha 10", "Prague")]
    [InlineData("Aarhus N", "Århus")]
    [InlineData("Ostrava-Vítkovice", "Ostrava")]
    [InlineData("80331 München", "Munich")]
    [InlineData("D-80331 München", "Munich")]
    public void TryFind_AddressNoiseAroundTheCity_FindsTheCity(string city, string expectedName)
    {
        Assert.True(Gazetteer.TryFind(city, null, out var entry), city);
        Assert.Equal(expectedName, entry.Name);
    }

    [Fact]
    public void TryFind_NameInSeveralCountries_PrefersTheGivenCountry()
    {
        Assert.True(Gazetteer.TryFind("Kamen", "HR", out var croatian));
        Assert.Equal("HR", croatian.CountryCode);
        Assert.True(Gazetteer.TryFind("Kamen", "DE", out var german));
        Assert.Equal("DE", german.CountryCode);
        Assert.True(Gazetteer.TryFind("Kamen", null, out var biggest));
        Assert.Equal("DE", biggest.CountryCode);
    }

    [Fact]
    public void TryFind_GivenCountryHasNoSuchPlace_FallsBackToTheMostPopulous()
    {
        Assert.True(Gazetteer.TryFind("Wien", "DE", out var entry));
        Assert.Equal("AT", entry.CountryCode);
    }

    [Theory]
    [InlineData("Valencia", "ES")]
    [InlineData("Córdoba", "ES")]
    [InlineData("Birmingham", "GB")]
    public void TryFind_NamesakeOnAnotherContinent_PrefersTheEuropeanPlace(string city, string expected)
    {
        Assert.True(Gazetteer.TryFind(city, null, out var entry));
        Assert.Equal(expected, entry.CountryCode);
    }

    [Fact]
    public void TryFind_DiacriticsAsWritten_PickTheExactlySpelledPlace()
    {
        Assert.True(Gazetteer.TryFind("Úžice", null, out var czech));
        Assert.Equal("CZ", czech.CountryCode);
        Assert.True(Gazetteer.TryFind("Užice", null, out var serbian));
        Assert.Equal("RS", serbian.CountryCode);
    }

    [Fact]
    public void TryFind_UnknownCity_ReturnsFalse()
    {
        Assert.False(Gazetteer.TryFind("Xyzzyqvillebergstadt", null, out _));
        Assert.False(Gazetteer.TryFind("", null, out _));
        Assert.False(Gazetteer.TryFind("   ", "DE", out _));
    }

    [Fact]
    public void FindAll_NameInSeveralPlaces_ListsThemMostPopulousFirst()
    {
        var all = Gazetteer.FindAll("Slobozia");
        Assert.True(all.Count > 3);
        Assert.Contains(all, entry => entry.CountryCode == "MD");
        Assert.Equal("RO", all[0].CountryCode);
        Assert.True(all[0].Population >= all[1].Population);
    }

    [Fact]
    public void FindAll_UnknownCity_IsEmpty()
    {
        Assert.Empty(Gazetteer.FindAll("Xyzzyqvillebergstadt"));
    }

    [Theory]
    [InlineData("München", "DE")]
    [InlineData("Łódź", "PL")]
    [InlineData("София", "BG")]
    [InlineData("Jönköping", "SE")]
    [InlineData("Praha 10", "CZ")]
    [InlineData("Paris", "FR")]
    [InlineData("Kamen", "DE")]
    [InlineData("Birmingham", "GB")]
    public void CountryOf_UnambiguousOrDominatingName_ReturnsTheCountry(string city, string expected)
    {
        Assert.Equal(expected, Gazetteer.CountryOf(city));
    }

    [Theory]
    [InlineData("Slobozia")]
    [InlineData("Brest")]
    [InlineData("Monaco")]
    [InlineData("Xyzzyqvillebergstadt")]
    [InlineData("")]
    public void CountryOf_AmbiguousOrUnknownName_ReturnsNull(string city)
    {
        Assert.Null(Gazetteer.CountryOf(city));
    }

    [Theory]
    [InlineData("Plovdiv", true)]
    [InlineData("Пловдив", true)]
    [InlineData("Mülheim-Kärlich", true)]
    [InlineData("Praha 10", false)]
    [InlineData("Tautliner", false)]
    [InlineData("Xyzzyqvillebergstadt", false)]
    public void IsKnownCity_ExactNameOnly(string city, bool expected)
    {
        Assert.Equal(expected, Gazetteer.IsKnownCity(city));
    }

    [Fact]
    public async Task GeocodeAsync_KnownCity_ReturnsItsCoordinates()
    {
        var point = await Gazetteer.GeocodeAsync(new Stop { City = "Łódź", Country = "PL" }, CancellationToken.None);
        Assert.NotNull(point);
        Assert.Equal(51.77, point.Latitude, 1);
        Assert.Equal(19.47, point.Longitude, 1);
        Assert.Equal(1.0, point.Confidence);
    }

    [Fact]
    public async Task GeocodeAsync_UnknownCity_ReturnsNull()
    {
        var point = await Gazetteer.GeocodeAsync(new Stop { City = "Xyzzyqvillebergstadt", Country = "DE" }, CancellationToken.None);
        Assert.Null(point);
    }

    [Fact]
    public async Task GeocodeAsync_NoCity_ReturnsNull()
    {
        Assert.Null(await Gazetteer.GeocodeAsync(new Stop { Country = "DE" }, CancellationToken.None));
    }

    [Fact]
    public async Task GeocodeAsync_CityOnlyKnownInAnotherCountry_ReturnsNull()
    {
        var point = await Gazetteer.GeocodeAsync(new Stop { City = "Wien", Country = "DE" }, CancellationToken.None);
        Assert.Null(point);
    }

    [Fact]
    public async Task GeocodeAsync_LoosenedName_HasLowerConfidence()
    {
        var point = await Gazetteer.GeocodeAsync(new Stop { City = "Praha 10", Country = "CZ" }, CancellationToken.None);
        Assert.NotNull(point);
        Assert.True(point.Confidence < 1.0);
        Assert.Equal(50.09, point.Latitude, 1);
    }

    [Fact]
    public async Task GeocodeAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Gazetteer.GeocodeAsync(new Stop { City = "Łódź" }, cancelled.Token));
    }

    [Fact]
    public async Task WarmUpAsync_BeforeFirstLookup_LoadsTheGazetteer()
    {
        var gazetteer = OfflineGazetteer.FromStream(() =>
            typeof(OfflineGazetteer).Assembly.GetManifestResourceStream(OfflineGazetteer.ResourceName)!);
        await gazetteer.WarmUpAsync();
        await gazetteer.WarmUpAsync();
        Assert.True(gazetteer.TryFind("Győr", "HU", out var entry));
        Assert.Equal("HU", entry.CountryCode);
    }

    [Fact]
    public void Shared_ConcurrentFirstUse_LoadsOnceAndAnswersEveryCaller()
    {
        var gazetteer = OfflineGazetteer.FromStream(() =>
            typeof(OfflineGazetteer).Assembly.GetManifestResourceStream(OfflineGazetteer.ResourceName)!);
        var results = new bool[8];
        Parallel.For(0, results.Length, i => results[i] = gazetteer.TryFind("Plovdiv", "BG", out _));
        Assert.All(results, Assert.True);
        Assert.True(gazetteer.Count > 100_000);
    }

    [Fact]
    public void Release_AfterLookups_DropsThePlacesAndTheNextLookupReadsThemAgain()
    {
        var opened = 0;
        var gazetteer = OfflineGazetteer.FromStream(() =>
        {
            Interlocked.Increment(ref opened);
            return typeof(OfflineGazetteer).Assembly.GetManifestResourceStream(OfflineGazetteer.ResourceName)!;
        });
        Assert.False(gazetteer.Release());
        Assert.True(gazetteer.TryFind("Győr", "HU", out var before));

        Assert.True(gazetteer.Release());
        Assert.False(gazetteer.IsLoaded);
        Assert.True(gazetteer.TryFind("Győr", "HU", out var after));
        Assert.True(gazetteer.IsLoaded);
        Assert.Equal(2, opened);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("Arrasate", "ES")]
    [InlineData("Mondragón", "ES")]
    [InlineData("Donostia", "ES")]
    [InlineData("Gasteiz", "ES")]
    public void IsKnownCity_EitherSideOfABilingualName_Known(string name, string country)
    {
        // GeoNames writes "Arrasate / Mondragón"; mail writes one language's name.
        Assert.True(Gazetteer.IsKnownCity(name));
        Assert.True(Gazetteer.TryFind(name, null, out var entry));
        Assert.Equal(country, entry.CountryCode);
    }

    [Fact]
    public void IsKnownCity_DistrictOfACity_NotTakenForItsCity()
    {
        // "Zürich (Kreis 9) / Altstetten" is a district: Zürich is still the city of 400,000.
        Assert.True(Gazetteer.TryFind("Zürich", "CH", out var zurich));
        Assert.Equal("Zürich", zurich.Name);
    }
}
