using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules;

public sealed class OrderFieldExtractorTests
{
    [Fact]
    public void Extract_GermanOrder_ReadsLabelledFields()
    {
        var order = RulesTestMessages.Extract("Transportauftrag 55-1234", """
            Auftragsnummer: 55-1234
            Ladereferenz: LX 99812
            Ware: Getränke, 30 Europaletten, ca. 21.300 kg
            Fahrzeug: Planensattel, 13,6 ldm
            Kein Gefahrgut.
            Frachtpreis: 1.250,- EUR all-in
            """);

        Assert.Equal("55-1234", order.ReferenceNumber);
        Assert.Equal(RequestType.Booking, order.RequestType);
        Assert.Equal(21300m, order.WeightKg);
        Assert.Equal(30, order.Pallets);
        Assert.Equal(13.6m, order.LoadingMeters);
        Assert.Equal(VehicleType.Tautliner, order.VehicleType);
        Assert.False(order.Adr);
        Assert.Equal(new Price(1250m, "EUR"), order.Price);
    }

    [Fact]
    public void Extract_PolishReeferOrder_ReadsTemperatureAndZloty()
    {
        var order = RulesTestMessages.Extract("Zlecenie", """
            Nr zlecenia: AB/7/2026
            Towar: mrożonki, 33 palety, waga 22,5 t
            Auto: chłodnia, temp. -20/-18 °C
            Stawka: 4 100 zł netto
            """);

        Assert.Equal("AB/7/2026", order.ReferenceNumber);
        Assert.Equal(22500m, order.WeightKg);
        Assert.Equal(33, order.Pallets);
        Assert.Equal(VehicleType.Reefer, order.VehicleType);
        Assert.Equal(-20m, order.TemperatureMinC);
        Assert.Equal(-18m, order.TemperatureMaxC);
        Assert.Equal(new Price(4100m, "PLN"), order.Price);
        Assert.Null(order.Adr);
    }

    [Theory]
    [InlineData("Slobodan teret Rijeka - Ljubljana", "imamo slobodan teret: 51000 Rijeka → 1000 Ljubljana, utovar 03.06., 8 t, 350 EUR.")]
    [InlineData("Prost tovor", "Prost tovor: 2000 Maribor → 8020 Graz, nakladanje 03.06., 6 t.")]
    public void Extract_FreeLoadOfferedInACroatianOrSloveneMail_IsALoadOffer(string subject, string body)
        => Assert.Equal(RequestType.LoadOffer, RulesTestMessages.Extract(subject, body + "\n").RequestType);

    [Fact]
    public void Extract_CzechExchangeAlertWithOfferIds_IsALoadOffer()
    {
        var order = RulesTestMessages.Extract("Nové náklady podle vašeho filtru (1)", """
            Nové náklady podle vašeho filtru "CZ -> DE":

            ID nabídky: NB-55120
            CZ 61900 Brno -> DE 80331 München
            Nakládka 21.12.2026, 24 t, plachta, 950 EUR
            """);

        Assert.Equal(RequestType.LoadOffer, order.RequestType);
    }

    [Theory]
    [InlineData("ADR: ez", false)] // Basque "no" (eu.txt)
    [InlineData("ADR: naha", null)] // no file knows it, and the label alone is no mention of dangerous goods
    [InlineData("ADR: ez, UN 1203", true)]
    [InlineData("ADR: ne", false)]
    public void Extract_LabelledAdrAnswer_ReadsOnlyWhatItKnows(string line, bool? expected)
    {
        var order = RulesTestMessages.Extract("Garraio agindua", "Salgaia: 24.000 kg\n" + line + "\nPrezioa: 690 EUR\n");

        Assert.Equal(expected, order.Adr);
    }

    [Fact]
    public void Extract_FinnishPriceRequestInTheSubject_IsQuote()
        => Assert.Equal(RequestType.QuoteRequest, RulesTestMessages.Extract("Hintapyyntö: Oulu – Luleå", """
            Lastaus: Oulu, 90620, ma 25.1.2027
            Purku: Luleå, 973 45, Ruotsi, ti 26.1.2027
            Tavara: 12 lavaa teräsosia, 7 500 kg
            """).RequestType);

    [Fact]
    public void Extract_FrenchQuoteRequest_IsQuoteWithoutPrice()
    {
        var order = RulesTestMessages.Extract("Demande de cotation Lyon > Milano", """
            Merci de nous faire parvenir votre meilleur prix.
            Marchandise : 12 palettes, 6 400 kg, véhicule bâché
            Marchandise non dangereuse.
            """);

        Assert.Equal(RequestType.QuoteRequest, order.RequestType);
        Assert.Null(order.Price);
        Assert.Null(order.ReferenceNumber);
        Assert.Equal(6400m, order.WeightKg);
        Assert.Equal(VehicleType.Tautliner, order.VehicleType);
        Assert.False(order.Adr);
    }

    [Fact]
    public void Extract_BulgarianTanker_IsAdrWithUnNumber()
    {
        var order = RulesTestMessages.Extract("Заявка", """
            Заявка №: ХП-77/2026
            Товар: бензин, UN 1203, 24 000 кг
            Превозно средство: цистерна
            Цена: 1 300 лв. без ДДС
            """);

        Assert.Equal("ХП-77/2026", order.ReferenceNumber);
        Assert.True(order.Adr);
        Assert.Equal(VehicleType.Tanker, order.VehicleType);
        Assert.Equal(24000m, order.WeightKg);
        Assert.Equal(new Price(1300m, "BGN"), order.Price);
    }

    [Theory]
    [InlineData("Vehicle: 44t curtainsider")]
    [InlineData("Voertuig: bestelwagen 3,5 t")]
    public void Extract_WeightInTheVehicleField_IsTheTrucksClassNotTheCargos(string vehicleLine)
    {
        var order = RulesTestMessages.Extract("Booking SW-4471", "Goods: 26 pallets of paper, 18,000 kg\n" + vehicleLine + "\n");

        Assert.Equal(18000m, order.WeightKg);
        Assert.NotNull(order.VehicleType);
    }

    [Fact]
    public void Extract_VehicleFieldOnlyWeight_GivesNoCargoWeight()
        => Assert.Null(RulesTestMessages.Extract("Booking", "Loading: 80331 München\nVehicle: 44t curtainsider\n").WeightKg);

    [Fact]
    public void Extract_VanWithCapacityClass_DoesNotTakeTheClassAsWeight()
    {
        var order = RulesTestMessages.Extract("Pilne", """
            Potrzebny bus do 3,5 t, 2 palety, ok. 700 kg.
            Cena: 500 zł
            """);

        Assert.Equal(VehicleType.Van, order.VehicleType);
        Assert.Equal(700m, order.WeightKg);
        Assert.Equal(2, order.Pallets);
    }

    [Fact]
    public void Extract_MultiStopWithTotalLine_TakesTheTotals()
    {
        var order = RulesTestMessages.Extract("Booking", """
            Booking ref: XY-100
            1) Pick-up: 10 pallets / 2,000 kg
            2) Pick-up: 12 pallets / 3,100 kg
            Total: 22 pallets, 5,100 kg. Mega trailer.
            Penalty for late arrival EUR 200.
            Rate: EUR 1,300 all in
            """);

        Assert.Equal(22, order.Pallets);
        Assert.Equal(5100m, order.WeightKg);
        Assert.Equal(VehicleType.Mega, order.VehicleType);
        Assert.Equal(new Price(1300m, "EUR"), order.Price);
    }

    [Fact]
    public void Extract_ItalianOrder_SkipsLoadingReferenceAndReadsLinearMetres()
    {
        var order = RulesTestMessages.Extract("Ordine", """
            Rif. carico: 778812
            Ordine n.: 26/0099
            Merce: 20 bancali, peso lordo 9.800 kg, 8,4 ml
            Mezzo: bilico centinato
            Nolo concordato: € 1.100,00
            """);

        Assert.Equal("26/0099", order.ReferenceNumber);
        Assert.Equal(8.4m, order.LoadingMeters);
        Assert.Equal(20, order.Pallets);
        Assert.Equal(VehicleType.Tautliner, order.VehicleType);
        Assert.Equal(new Price(1100m, "EUR"), order.Price);
    }

    [Fact]
    public void Extract_PriceOnRequest_HasNoPrice()
    {
        var order = RulesTestMessages.Extract("Angebot", """
            Angebots-ID 5551234
            12 t, 7 ldm, Koffer
            Preis: auf Anfrage
            """);

        Assert.Null(order.Price);
        Assert.Equal(VehicleType.Box, order.VehicleType);
        Assert.Equal(12000m, order.WeightKg);
    }

    [Fact]
    public void Extract_SignatureCompany_IsTheCustomer()
    {
        var order = RulesTestMessages.Extract("Order", """
            Loading: Acme Parts Ltd, Leeds
            Delivery: Beta Sp. z o.o., Poznań

            Kind regards
            John Smith
            Gamma Freight Services Ltd
            Tel. +44 113 496 0000
            """);

        Assert.Equal("Gamma Freight Services Ltd", order.Customer);
        Assert.Equal("+44 113 496 0000", order.Contact?.Phone);
    }

    [Theory]
    [InlineData("33 pallets, 18 t, reefer, -20 C, 1,450 GBP", -20)]
    [InlineData("Frigo +4 C, 12 t", 4)]
    public void Extract_SignedTemperatureWithABareC_ReadsIt(string line, int expected)
    {
        var order = RulesTestMessages.Extract("Load", "Collection: 85386 Eching\nDelivery: 02-672 Warszawa\n" + line + "\n");

        Assert.Equal((expected, expected), ((int?)order.TemperatureMinC, (int?)order.TemperatureMaxC));
    }

    [Theory]
    [InlineData("Truck class C, 12-20 C pallets")]
    [InlineData("Anlieferung Tor 12 C")]
    public void Extract_BareCWithoutASign_NoTemperature(string line)
    {
        var order = RulesTestMessages.Extract("Load", "Collection: 85386 Eching\nDelivery: 02-672 Warszawa\n" + line + "\n");

        Assert.Null(order.TemperatureMinC);
    }
}
