using FleetManager.Core.Model;

namespace FleetManager.Geocoding.Tests;

public sealed class GeocodingQueryTests
{
    [Fact]
    public void From_CityPostalCodeAndAddress_JoinsWithoutRepeatingTheCity()
    {
        var query = GeocodingQuery.From(new Stop { Address = "Industriestraße 14, 85386 Eching, Germany", PostalCode = "85386", City = "Eching", Country = "de" });

        Assert.Equal("Industriestraße 14, 85386 Eching, Germany", query!.Text);
        Assert.Equal("DE", query.CountryCode);
    }

    [Fact]
    public void From_StreetWithoutCity_AddsPostalCodeAndCity()
    {
        var query = GeocodingQuery.From(new Stop { Address = "Hafenstraße 3", PostalCode = "28217", City = "Bremen" });

        Assert.Equal("Hafenstraße 3, 28217 Bremen", query!.Text);
        Assert.Null(query.CountryCode);
    }

    [Fact]
    public void From_NoPlaceAtAll_Null() => Assert.Null(GeocodingQuery.From(new Stop { Company = "ACME" }));

    [Fact]
    public void CacheKey_CaseAndSpacing_Folded() =>
        Assert.Equal(
            GeocodingQuery.From(new Stop { City = "  Eching ", PostalCode = "85386", Country = "DE" })!.CacheKey,
            GeocodingQuery.From(new Stop { City = "ECHING", PostalCode = "85386 ", Country = "de" })!.CacheKey);
}
