using FleetManager.Core.Model;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Amounts in the local currency words of the language files, with own example lines.</summary>
public sealed class LocalCurrencyTests
{
    [Theory]
    [InlineData("Fraktpris: 7 400 kronor exkl. moms", 7400, "SEK")]
    [InlineData("Ціна: 31 500 грн з ПДВ", 31500, "UAH")]
    [InlineData("Navlun: 41.250 TL + KDV", 41250, "TRY")]
    [InlineData("Cena prevoza: 98.000 din", 98000, "RSD")]
    public void FirstMoney_LocalCurrencyWord_GivesAmountAndIsoCode(string text, int amount, string iso)
    {
        var found = LocalCurrency.FirstMoney(text, 0, text.Length);

        Assert.NotNull(found);
        Assert.Equal(new Price(amount, iso), found.Value.Price);
    }

    [Theory]
    [InlineData("Afhentning: Vejle. Levering: Odense. Pris: 5 600 kr ekskl. moms.", "DKK")]
    [InlineData("Lastning: Borås. Lossning: Växjö. Pris: 5 600 kr exkl. moms.", "SEK")]
    public void FirstMoney_SharedWordKr_TakesTheCurrencyOfTheTextsLanguage(string text, string iso)
    {
        // "kr" is Swedish, Danish, Norwegian and Icelandic money: the words around it decide.
        var found = LocalCurrency.FirstMoney(text, 0, text.Length);

        Assert.Equal(iso, found?.Price.Currency);
    }

    [Theory]
    [InlineData("Lastemeter 13,6, vekt 12 000 kg")]
    [InlineData("Pris: 5 kr")] // below ten: a per-unit figure, not a freight price
    public void FirstMoney_NoLocalAmount_GivesNull(string text)
        => Assert.Null(LocalCurrency.FirstMoney(text, 0, text.Length));

    [Fact]
    public void FirstMoney_AmountOutsideTheRange_IsNotFound()
    {
        const string text = "Vår ref 1188\nPris: 6 200 kr";

        Assert.Null(LocalCurrency.FirstMoney(text, 0, text.IndexOf('\n', StringComparison.Ordinal)));
    }
}
