using System.Text.RegularExpressions;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class KeywordPrecheckTests
{
    private static readonly System.Buffers.SearchValues<string> Currencies = KeywordPrecheck.Keywords("eur", "zł", "kn");

    [Theory]
    [InlineData("Fracht: 1.290 EUR")]
    [InlineData("Stawka 3 400 ZŁ netto")]
    [InlineData("price 900 Eur")]
    public void MayContain_KeywordInAnyCase_IsTrue(string text)
        => Assert.True(KeywordPrecheck.MayContain(text, Currencies));

    [Fact]
    public void MayContain_NoKeyword_IsFalse()
        => Assert.False(KeywordPrecheck.MayContain("Loading 12.11.2026 08:00, 33 pallets", Currencies));

    [Fact]
    public void MayContain_KelvinSignThatIgnoreCasePatternsReadAsK_IsTrue()
    {
        // A case-insensitive pattern matches "Kn" written with the Kelvin sign; the test must not rule it out.
        var text = "300 \u212An";
        Assert.Matches(new Regex("kn", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), text);
        Assert.True(KeywordPrecheck.MayContain(text, Currencies));
    }
}
