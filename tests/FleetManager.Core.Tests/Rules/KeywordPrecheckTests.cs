using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class KeywordPrecheckTests
{
    [Theory]
    [InlineData("\u00B5")]
    [InlineData("\u0130")]
    [InlineData("\u0131")]
    [InlineData("\u017F")]
    [InlineData("\u1E9B")]
    [InlineData("\u1E9E")]
    [InlineData("\u212A")]
    [InlineData("\u212B")]
    public void HasOddCaseLetter_EachOddCaseLetterInAccentedText_True(string letter)
        => Assert.True(KeywordPrecheck.HasOddCaseLetter($"Zusätzliche Ladung für Łódź {letter} später"));

    [Theory]
    [InlineData("Ladung in München, Łódź, Αθήνα, Київ — 12 €")]
    [InlineData("plain ascii text with no letters outside it")]
    public void HasOddCaseLetter_NoOddCaseLetter_False(string text)
        => Assert.False(KeywordPrecheck.HasOddCaseLetter(text));
}
