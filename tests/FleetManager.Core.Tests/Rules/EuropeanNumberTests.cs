using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules;

public sealed class EuropeanNumberTests
{
    [Theory]
    [InlineData("24.000", 24000)]
    [InlineData("24,000", 24000)]
    [InlineData("24 000", 24000)]
    [InlineData("22,5", 22.5)]
    [InlineData("13.6", 13.6)]
    [InlineData("1.450,00", 1450)]
    [InlineData("1,450.00", 1450)]
    [InlineData("1 450,50", 1450.5)]
    [InlineData("1'450.50", 1450.5)]
    [InlineData("1.450,-", 1450)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("-18", -18)]
    [InlineData("+8", 8)]
    public void TryParse_EuropeanFormats_ReadsTheNumber(string text, double expected)
    {
        Assert.True(EuropeanNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12 34")]
    [InlineData("1.2.3")]
    public void TryParse_NotANumber_ReturnsFalse(string text) => Assert.False(EuropeanNumber.TryParse(text, out _));
}
