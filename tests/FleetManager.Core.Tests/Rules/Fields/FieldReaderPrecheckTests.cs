using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>The readers' cheap pre-checks rule out only text that cannot match: these cases must still be read.</summary>
public sealed class FieldReaderPrecheckTests
{
    [Fact]
    public void Extract_TemperatureWithOrdinalSign_ReadsTheRange()
    {
        var order = RulesTestMessages.Extract("Transport", "Temperatura: +2 / +8 ºC\nWaga: 12 t");

        Assert.Equal(2m, order.TemperatureMinC);
        Assert.Equal(8m, order.TemperatureMaxC);
    }

    [Theory]
    [InlineData("Goods: 22 pallets, temperature controlled 15-18 degC", 15, 18)]
    [InlineData("Chilled, keep at 5 degrees C, 12 t", 5, 5)]
    [InlineData("20 paller fisk, 15.000 kg, køl 0-2 grader, kølebil.", 0, 2)]
    [InlineData("Kühlware, 2 bis 8 Grad, 12 t", 2, 8)]
    public void Extract_DegreesAsAWord_ReadsTheTemperature(string body, int min, int max)
    {
        var order = RulesTestMessages.Extract("Transport", body);

        Assert.Equal((min, max), ((int?)order.TemperatureMinC, (int?)order.TemperatureMaxC));
    }

    [Fact]
    public void Extract_NoDegreeSign_HasNoTemperature()
        => Assert.Null(RulesTestMessages.Extract("Transport", "Temperatur 2 bis 8, Gewicht 12 t").TemperatureMinC);

    [Fact]
    public void Extract_PriceInLevaOnAPriceLine_ReadsIt()
    {
        var order = RulesTestMessages.Extract("Заявка", "Маршрут: София - Пловдив\nЦена 850 лв. без ДДС");

        Assert.Equal(new Price(850m, "BGN"), order.Price);
    }

    [Fact]
    public void Extract_PolishQuoteRequest_IsQuoteRequest()
    {
        var order = RulesTestMessages.Extract("Transport Łódź - Berlin", "Dzień dobry,\nprośba o wycenę transportu 12 palet, 8 t.");

        Assert.Equal(RequestType.QuoteRequest, order.RequestType);
    }

    [Fact]
    public void Extract_NoDangerousGoodsWord_HasNoAdr()
        => Assert.Null(RulesTestMessages.Extract("Transport", "Gewicht: 12 t\nPaletten: 20").Adr);

    [Fact]
    public void Extract_NegatedAdrInRunningText_IsNotAdr()
        => Assert.False(RulesTestMessages.Extract("Transport", "Ware: Möbel, kein Gefahrgut.\nGewicht: 12 t").Adr);

    [Fact]
    public void Extract_CzechOrderNumber_ReadsTheReference()
        => Assert.Equal("VS-2026/0917", RulesTestMessages.Extract("Objednávka", "Číslo objednávky: VS-2026/0917\nHmotnost: 12 t").ReferenceNumber);

    [Fact]
    public void Extract_SignatureCompanyOnItsOwnLine_IsTheCustomer()
    {
        var order = RulesTestMessages.Extract("Transport", "Please quote 12 pallets.\n\nBest regards\nJan Kowalski\nKowalski Logistik GmbH\nTel. +48 22 123 45 67");

        Assert.Equal("Kowalski Logistik GmbH", order.Customer);
    }

    [Fact]
    public void Extract_ReeferAndTautlinerWords_TakesTheHigherRankedVehicle()
        => Assert.Equal(VehicleType.Reefer, RulesTestMessages.Extract("Transport", "Tautliner not ok, we need a Kühlkoffer, 12 t").VehicleType);
}
