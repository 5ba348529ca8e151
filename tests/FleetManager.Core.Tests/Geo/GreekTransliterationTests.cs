using FleetManager.Core.Geo;
using Xunit;

namespace FleetManager.Core.Tests.Geo;

public sealed class GreekTransliterationTests
{
    [Theory]
    [InlineData("Θεσσαλονίκη", "Thessaloniki")]
    [InlineData("Λάρισα", "Larisa")]
    [InlineData("Βόλος", "Volos")]
    [InlineData("Ηράκλειο", "Irakleio")]
    [InlineData("Κουφάλια", "Koufalia")]
    [InlineData("Ευκαρπία", "Efkarpia")]
    public void ToLatin_GreekPlaceName_Elot743WithoutAccents(string greek, string latin) =>
        Assert.Equal(latin, GreekTransliteration.ToLatin(greek));

    [Fact]
    public void TryFind_GreekScriptCity_FoundThroughTransliteration()
    {
        Assert.True(OfflineGazetteer.Shared.TryFind("Λάρισα", null, out var entry));
        Assert.Equal("GR", entry.CountryCode);
    }
}
