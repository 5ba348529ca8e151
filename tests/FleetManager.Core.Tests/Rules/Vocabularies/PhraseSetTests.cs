using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Tests.Rules.Vocabularies;

public sealed class PhraseSetTests
{
    [Fact]
    public void IsInText_PhraseWithDiacritics_MatchesFoldedText()
        => Assert.True(new PhraseSet(["nav bīstama krava"]).IsInText("Krava: NAV BĪSTAMA KRAVA, 12 paletes"));

    [Fact]
    public void IsInText_PhraseInsideALongerWord_DoesNotMatch()
        => Assert.False(new PhraseSet(["adr"]).IsInText("Adresse: Hauptstraße 1"));

    [Fact]
    public void Find_SecondOccurrenceIsAWholeWord_ReturnsIt()
    {
        var set = new PhraseSet(["kyl"]);
        var index = set.Find("kylbil kyl", out var length);
        Assert.Equal(7, index);
        Assert.Equal(3, length);
    }

    [Fact]
    public void IsInText_TextWithEmoji_DoesNotThrow()
        => Assert.True(new PhraseSet(["lastning"]).IsInText("🚚 Lastning: Borås 🙂"));
}
