using FleetManager.Core.Geo;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Stops;

public sealed class InflectedTownNameTests
{
    [Theory]
    [InlineData("Ostravy", "Ostrava")]
    [InlineData("Brna", "Brno")]
    [InlineData("Prahy", "Praha")]
    [InlineData("Wrocławia", "Wrocław")]
    [InlineData("Warszawy", "Warszawa")]
    [InlineData("Ostravě", "Ostrava")]
    public void Nominative_TownInAGrammaticalCase_IsTheTownTheGazetteerKnows(string written, string expected)
        => Assert.Equal(expected, InflectedTownName.Nominative(written, OfflineGazetteer.Shared.IsKnownCity));

    [Theory]
    [InlineData("Barmil")]
    [InlineData("Ostrava")]
    [InlineData("Zboží")]
    [InlineData("z Ostravy")]
    [InlineData("ostravy")]
    public void Nominative_NoInflectedTown_Null(string written)
        => Assert.Null(InflectedTownName.Nominative(written, OfflineGazetteer.Shared.IsKnownCity));

    [Fact]
    public void Nominative_StemTooShort_IsNotTried()
    {
        // Every candidate is "known" here but the word itself: "Ula" would give the stem "Ul", too short to tell towns apart,
        // while "Ulma" gives "Ulm".
        Assert.Null(InflectedTownName.Nominative("Ula", w => w != "Ula"));
        Assert.Equal("Ulm", InflectedTownName.Nominative("Ulma", w => w != "Ulma"));
    }
}
