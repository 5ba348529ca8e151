using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Fields;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>A price whose currency is a column or field of its own, and the code that heads an order's block.</summary>
public sealed class SeparateCurrencyAndHeadingReferenceTests
{
    [Fact]
    public void Read_AmountAndCurrencyInSeparateCsvColumns_PriceInThatCurrency()
    {
        // Finnish CSV attachment, one order per row: "Hinta" beside "Valuutta".
        var csv = string.Join('\n',
            "Tilausnro;Lastaus;Purku;Paino kg;Hinta;Valuutta",
            "FI-27-101;00100 Helsinki;33100 Tampere;12000;640;EUR",
            "FI-27-102;20100 Turku;90100 Oulu;8000;9800;SEK");
        var email = RulesTestMessages.Email("Kuljetukset", "Hei, liitteenä kaksi kuljetusta.", attachments:
            new EmailAttachment("kuljetukset.csv", "text/csv", csv.Length, csv));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        Assert.Equal(new Price(640m, "EUR"), orders[0].Price);
        Assert.Equal(new Price(9800m, "SEK"), orders[1].Price);
    }

    [Fact]
    public void Read_CodeAloneAboveEachOrder_IsThatOrdersReference()
    {
        var block = string.Join('\n', "TR-2027/0415", "  Yükleme: 34956 Tuzla, 12.01.2027");
        var text = "x\n\n" + block;

        var heading = BlockHeadingReference.Read(text, new OrderBlock(text.Length - block.Length, block.Length));

        Assert.Equal("TR-2027/0415", heading?.Value);
    }

    [Theory]
    [InlineData("Carico n. 5520114\nCarico: 11/03/2027, 25030 Castel Mella (BS), IT", "5520114")]
    [InlineData("Nuovi carichi per il tuo profilo:\n\nCarico n. 5520114\nCarico: 11/03/2027, 25030 Castel Mella (BS), IT", "5520114")]
    [InlineData("Load # 88120\nLoading: 85386 Eching", "88120")]
    [InlineData("Fracht Nr. 4471-B\nBeladung: 85386 Eching", "4471-B")]
    public void Read_HeadingWithANumberSign_IsThatNumber(string block, string expected)
    {
        Assert.Equal(expected, BlockHeadingReference.Read(block, new OrderBlock(0, block.Length))?.Value);
    }

    [Theory]
    [InlineData("Carico: 11/03/2027, 25030 Castel Mella\nRif n. 5520114")]
    [InlineData("Carico n. 12\nCarico: 11/03/2027, 25030 Castel Mella")]
    [InlineData("Please call no. 5551234 first\nLoading: 85386 Eching")]
    public void Read_NumberSignAfterTheStopsOrNoHeading_Null(string block)
    {
        Assert.Null(BlockHeadingReference.Read(block, new OrderBlock(0, block.Length)));
    }

    [Theory]
    [InlineData("LT-57164 Kėdainiai  12.01.")]
    [InlineData("Loading: 85386 Eching")]
    [InlineData("12.01.2027  08:00")]
    [InlineData("AB-123 is our number for this")]
    public void Read_FirstLineIsNoHeadingCode_Null(string line)
    {
        Assert.Null(BlockHeadingReference.Read(line, new OrderBlock(0, line.Length)));
    }
}
