using FleetManager.Core.Rules.Vocabularies;

namespace FleetManager.Core.Tests.Rules.Vocabularies;

public sealed class VocabularyMatchersTests
{
    [Theory]
    [InlineData("SV: Ny order Malmö–Oslo", true, false)]
    [InlineData("VB: Lastning vecka 12", false, true)]
    [InlineData("Ynt: Re[2]: yük", true, false)]
    [InlineData("Відп: заявка", true, false)]
    [InlineData("Lastning vecka 12: Malmö", false, false)]
    public void SubjectPrefixes_PrefixesOfAnyLanguage_AreRead(string subject, bool reply, bool forward)
    {
        VocabularyMatchers.SubjectPrefixes(subject, out var isReply, out var isForward);
        Assert.Equal(reply, isReply);
        Assert.Equal(forward, isForward);
    }

    [Fact]
    public void DistinctIn_RepeatedPhrase_CountsOnce()
        => Assert.Equal(1, VocabularyMatchers.DistinctIn(new PhraseSet(["fcl"]), "fcl, fcl and fcl", 2));
}
