using FleetManager.Core.Geo;

namespace FleetManager.Core.Tests.Geo;

public sealed class CyrillicTransliterationTests
{
    [Theory]
    [InlineData("София", "Sofia")]
    [InlineData("Пловдив", "Plovdiv")]
    [InlineData("Пазарджик", "Pazardzhik")]
    [InlineData("Враца", "Vratsa")]
    [InlineData("Велико Търново", "Veliko Tarnovo")]
    [InlineData("Шумен", "Shumen")]
    [InlineData("Щипско", "Shtipsko")]
    [InlineData("Хасково", "Haskovo")]
    [InlineData("Ямбол", "Yambol")]
    [InlineData("Кюстендил", "Kyustendil")]
    [InlineData("Благоевград 2700", "Blagoevgrad 2700")]
    public void Bulgarian_StreamlinedSystem(string cyrillic, string expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.Bulgarian(cyrillic));
    }

    [Fact]
    public void Bulgarian_FinalIaKeptAsIya_WhenAsked()
    {
        Assert.Equal("Sofiya", CyrillicTransliteration.Bulgarian("София", finalIaAsIa: false));
    }

    [Theory]
    [InlineData("Москва", "Moskva")]
    [InlineData("Хабаровск", "Khabarovsk")]
    public void Russian_Transliterates(string cyrillic, string expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.Russian(cyrillic));
    }

    [Theory]
    [InlineData("Ниш", "Nis")]
    [InlineData("Чачак", "Cacak")]
    [InlineData("Љубљана", "Ljubljana")]
    public void Serbian_TransliteratesToFoldedLatin(string cyrillic, string expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.Serbian(cyrillic));
    }

    [Theory]
    [InlineData("Sofia", false)]
    [InlineData("София", true)]
    [InlineData("Plovdiv 4000, България", true)]
    public void ContainsCyrillic_DetectsCyrillicLetters(string text, bool expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.ContainsCyrillic(text));
    }
}
