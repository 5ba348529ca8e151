using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>"EUR" after a small count is the pallet type when the line states its price after it; own example lines.</summary>
public sealed class PalletTypeBeforePriceTests
{
    [Theory]
    [InlineData("Tentli 13,6 | 22 t | 30 EUR | € 1.480", 1480)]
    [InlineData("Kühlkoffer | 18 EUR | 2.150 EUR", 2150)]
    public void FirstMoney_SmallCountBeforeEurThenAPriceOnTheLine_TakesThePrice(string text, int expected)
    {
        var found = PriceReader.FirstMoney(text, 0, text.Length);

        Assert.Equal(expected, found?.Price.Amount);
        Assert.Equal("EUR", found?.Price.Currency);
    }

    [Theory]
    [InlineData("Price: 60 EUR", 60)]
    [InlineData("Nolo: 45 EUR\nSosta: 30 € all'ora", 45)]
    public void FirstMoney_SmallAmountWithNoOtherMoneyOnItsLine_StaysThePrice(string text, int expected)
    {
        Assert.Equal(expected, PriceReader.FirstMoney(text, 0, text.Length)?.Price.Amount);
    }
}
