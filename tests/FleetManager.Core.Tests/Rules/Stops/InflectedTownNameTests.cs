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
        // "Ula" would give "Ul" + nominative endings: too short a stem to tell towns apart.
        Assert.Null(InflectedTownName.Nominative("Ula", _ => true));
    }
}
