using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Field values read with the words of the vocabulary files (own examples in languages the code names nowhere).</summary>
public sealed class VocabularyFieldReadingTests
{
    [Theory]
    [InlineData("Gods: 18 pallar, ej farligt gods")]
    [InlineData("Tavara: 18 lavaa, ei vaarallista")]
    [InlineData("Φορτίο: 18 παλέτες, μη επικίνδυνο φορτίο")]
    [InlineData("Krava: 18 paletes, nav bīstama krava")]
    [InlineData("Ohtlik veos: ei")]
    public void Adr_NegationInAnyLanguage_IsFalse(string line)
        => Assert.False(RulesTestMessages.Extract("Order", "Loading: 80331 München 03.12.2026\nDelivery: 00-001 Warszawa\n" + line).Adr);

    [Fact]
    public void Adr_DangerousGoodsWordWithoutNegation_IsTrue()
        => Assert.True(RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\nGods: farligt gods klass 3").Adr);

    [Theory]
    [InlineData("Bil: kylbil", VehicleType.Reefer)]
    [InlineData("Auto: plachta, ne skříň", VehicleType.Tautliner)]
    [InlineData("Kalusto: umpikori", VehicleType.Box)]
    [InlineData("Vozilo: hladnjača", VehicleType.Reefer)]
    public void Vehicle_WordsOfTheLanguageFiles_AreRead(string line, VehicleType expected)
        => Assert.Equal(expected, RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n" + line).VehicleType);

    [Fact]
    public void Vehicle_DutchPrepositionVan_IsNoVehicle()
        => Assert.Null(RulesTestMessages.Extract("Transport van Rotterdam naar Gent", """
            Laadadres: Voorbeeld BV, Havenweg 1, 3089 JB Rotterdam
            Losadres: Exemple SA, Kaai 2, 9000 Gent
            Graag transport van 12 pallets van Rotterdam naar Gent.
            """).VehicleType);

    [Fact]
    public void Vehicle_EnglishVanWithCapacity_IsVan()
        => Assert.Equal(VehicleType.Van, RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\nWe need a van up to 3.5 t.").VehicleType);

    [Fact]
    public void Weight_Pounds_AreWholeKilograms()
        => Assert.Equal(11340m, RulesTestMessages.Extract("Order", "Collection: Telford TF3 3AT\nDelivery: Athlone\nWeight: 25,000 lbs").WeightKg);

    [Fact]
    public void Weight_GreekTonnes_AreKilograms()
        => Assert.Equal(18500m, RulesTestMessages.Extract("Order", "Φόρτωση: 570 22 Σίνδος\nΠαράδοση: 1000 Sofia\nΒάρος: 18,5 τόνοι").WeightKg);

    [Fact]
    public void Extract_TableColumnsHeadedInLanguageFileWords_ReadReferencePalletsAndPrice()
    {
        // A one-row Swedish plan: the reference under "Uppdragsnummer" (a label.reference word), pallets under
        // "Helpall" (a unit.pallet word, not a label), the currency only in the price column's header.
        var order = RulesTestMessages.Extract("Transport", """
            Uppdragsnummer | Lastning | Lossning | Helpall | Pris (SEK)
            KT-4410 | 00580 Helsinki | 553 18 Jönköping | 18 | 9 400
            """);

        Assert.Equal("KT-4410", order.ReferenceNumber);
        Assert.Equal(18, order.Pallets);
        Assert.Equal(new Price(9400m, "SEK"), order.Price);
    }
}
