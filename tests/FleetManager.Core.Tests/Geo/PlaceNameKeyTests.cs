using FleetManager.Core.Geo;
using FleetManager.Core.Text;

namespace FleetManager.Core.Tests.Geo;

public sealed class PlaceNameKeyTests
{
    [Theory]
    [InlineData("Łódź")]
    [InlineData("Mülheim-Kärlich")]
    [InlineData("Frankfurt a. M.")]
    [InlineData("  Ústí nad Labem ")]
    [InlineData("Straße des 17. Juni")]
    [InlineData("Ærøskøbing")]
    [InlineData("İstanbul")]
    [InlineData("Пазарджик, България")]
    [InlineData("Þórshöfn")]
    [InlineData("Cluj-Napoca / Kolozsvár")]
    [InlineData("")]
    public void Words_AnyName_SplitsLikeTextFold(string name)
    {
        var expected = TextFold.FoldLettersAndDigits(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, PlaceNameKey.Words(name));
    }

    [Theory]
    [InlineData("Saint-Vulbas", "stvulbas")]
    [InlineData("St. Vulbas", "stvulbas")]
    [InlineData("Sankt Pölten", "stpolten")]
    [InlineData("Sainte-Maxime", "stemaxime")]
    [InlineData("Bielsko-Biała", "bielskobiala")]
    public void Of_SaintVariantsAndSeparators_GiveOneKey(string name, string expected)
    {
        Assert.Equal(expected, PlaceNameKey.Of(name));
    }

    [Theory]
    [InlineData("München", "Muenchen")]
    [InlineData("Århus", "Aarhus")]
    [InlineData("Łódź", null)]
    public void TranscribeUmlauts_GermanAndDanishLetters_AreSpelledOut(string name, string? expected)
    {
        Assert.Equal(expected, PlaceNameKey.TranscribeUmlauts(name));
    }
}
