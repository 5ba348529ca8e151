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

    /// <summary>Nordic, Dutch and German mail writes a type word and a vehicle word as one: each is a word of the files.</summary>
    [Theory]
    [InlineData("Fordon: kapelltrailer", VehicleType.Tautliner)]
    [InlineData("Vi behöver en kyltrailer.", VehicleType.Reefer)]
    [InlineData("kun je morgen een koeler regelen?", VehicleType.Reefer)]
    [InlineData("Bil: flakbil", VehicleType.Flatbed)]
    [InlineData("Kalusto: kapellirekka", VehicleType.Tautliner)]
    [InlineData("Kalusto: kapellipuoliperävaunu, ADR-varustus", VehicleType.Tautliner)]
    [InlineData("Auto: kardinaga poolhaagis", VehicleType.Tautliner)]
    [InlineData("13,6 ldm, 22 ton, huifoplegger", VehicleType.Tautliner)]
    [InlineData("Fahrzeug: Kühl-LKW, +2 bis +8 °C", VehicleType.Reefer)]
    public void Vehicle_CompoundOfATypeWordAndAVehicleWord_IsThatType(string line, VehicleType expected)
        => Assert.Equal(expected, RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n" + line).VehicleType);

    [Theory]
    [InlineData("Bitte an der Tankstelle warten.")]
    [InlineData("Abholung mit Fahrzeugpapieren.")]
    public void Vehicle_WordThatOnlyStartsWithAVehicleWord_IsNoVehicle(string line)
        => Assert.Null(RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n" + line).VehicleType);

    [Theory]
    [InlineData("Zlecenie nr 77/03/2027", "77/03/2027")]
    [InlineData("Zlecenie nr 118/02/2027", "118/02/2027")]
    public void Reference_SlashNumberThatIsNoDate_IsRead(string subject, string expected)
        => Assert.Equal(expected, RulesTestMessages.Extract(subject, "Załadunek: 62-800 Kalisz\nRozładunek: 4600 Wels").ReferenceNumber);

    [Theory]
    [InlineData("Încărcătură disponibilă Oradea → Budapesta", "410001 Oradea (RO) → 1097 Budapest (HU), 08.04.2027, 24 t, prelată, 650 EUR")]
    [InlineData("Oradea → Budapesta", "Încărcătură disponibilă: 410001 Oradea (RO) → 1097 Budapest (HU), 08.04.2027, 24 t, 650 EUR")]
    [InlineData("Freie Ladung", "Beladung: 85386 Eching, 08.04.2027\nEntladung: 00-001 Warszawa\n24 t, 650 EUR")]
    public void RequestType_LoadOfferedAsSuch_IsLoadOffer(string subject, string body)
        => Assert.Equal(RequestType.LoadOffer, RulesTestMessages.Extract(subject, body).RequestType);

    [Fact]
    public void RequestType_OfferWordsInsideABooking_StayABooking()
        => Assert.Equal(RequestType.Booking, RulesTestMessages.Extract("Booking 4471", "Collection: 85386 Eching, load available from 08:00\nDelivery: 00-001 Warszawa").RequestType);

    [Fact]
    public void RequestType_SpanishAskForAPrice_IsQuoteRequest()
        => Assert.Equal(RequestType.QuoteRequest, RulesTestMessages.Extract("Grupaje", "¿nos podéis dar precio para un grupaje?\nRecogida: 50197 Zaragoza\nEntrega: 4100-130 Porto").RequestType);

    [Fact]
    public void Reference_PurchaseOrderInCapitals_IsRead()
        => Assert.Equal("55120", RulesTestMessages.Extract("Transport PO 55120", "Loading: 85386 Eching\nDelivery: 00-001 Warszawa").ReferenceNumber);

    [Theory]
    [InlineData("Invoices to PO Box 4471, Leeds.")]
    [InlineData("Rozładunek po 14:00, płatność po 30 dniach.")]
    public void Reference_PostOfficeBoxOrPolishPo_IsNone(string line)
        => Assert.Null(RulesTestMessages.Extract("Transport", "Loading: 85386 Eching\nDelivery: 00-001 Warszawa\n" + line).ReferenceNumber);

    [Theory]
    [InlineData("Aşağıdaki yük için fiyat rica ediyoruz:")]
    [InlineData("Bu yük için fiyatınızı bekliyoruz.")]
    public void RequestType_TurkishAskForAPrice_IsQuoteRequest(string line)
        => Assert.Equal(RequestType.QuoteRequest, RulesTestMessages.Extract("Yük", line + "\nYükleme yeri: 16140 Bursa\nBoşaltma yeri: 85748 Garching, Almanya").RequestType);

    [Fact]
    public void Vehicle_NegatedCompound_IsPassedOverForTheNextOne()
        // "ej kyltrailer" says what the truck is not; the reefer ranks before the tautliner, so only the negation leaves "kapelltrailer".
        => Assert.Equal(VehicleType.Tautliner, RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\nVi behöver ej kyltrailer, kapelltrailer räcker.").VehicleType);

    /// <summary>The degree as a word of the files (<c>unit.degree</c>) counts as the sign does.</summary>
    [Theory]
    [InlineData("20 pallets paprika, 8 ton, +6 graden", 6, 6)]
    [InlineData("Temperatura: -18 stopni", -18, -18)]
    [InlineData("Lämpötila: +2 - +4 astetta", 2, 4)]
    [InlineData("tussen +2 en +6 graden", 2, 6)]
    [InlineData("Temperatuur: 5 graden", 5, 5)]
    public void Temperature_DegreeWordOfTheFiles_IsRead(string line, int min, int max)
    {
        var order = RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n" + line);

        Assert.Equal((min, max), ((int?)order.TemperatureMinC, (int?)order.TemperatureMaxC));
    }

    [Theory]
    [InlineData("Lieferung binnen 2 dagen, 6 graden ist egal")]
    [InlineData("Zboží: 2 stupně ochrany")]
    public void Temperature_UnsignedValueBeforeADegreeWordOutsideATemperatureLabel_IsNotRead(string line)
        => Assert.Null(RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n" + line).TemperatureMinC);

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

    [Theory]
    [InlineData("Varer: byggevarer, 18 paller, 14 tonn", 14000)]
    [InlineData("Merce: 22 tonnellate di acciaio", 22000)]
    [InlineData("Груз: 20 тонн", 20000)]
    public void Weight_TonneWordsTheMainPatternLacks_AreKilograms(string line, int kg)
        => Assert.Equal(kg, RulesTestMessages.Extract("Order", "Loading: 3044 Drammen\nDelivery: 7041 Trondheim\n" + line).WeightKg);

    [Fact]
    public void Weight_GreekTonnes_AreKilograms()
        => Assert.Equal(18500m, RulesTestMessages.Extract("Order", "Φόρτωση: 570 22 Σίνδος\nΠαράδοση: 1000 Sofia\nΒάρος: 18,5 τόνοι").WeightKg);

    /// <summary>A stem of one file may start another file's label ("lasta", Irish cargo, starts Finnish "lastaus", loading).</summary>
    [Fact]
    public void Extract_GoodsLabelAsAWholeWord_WinsOverALabelThatOnlyStartsWithAGoodsStem()
        => Assert.Equal("12 lavaa teräsosia, 7 500 kg", RulesTestMessages.Extract("Hintapyyntö", """
            Lastaus: Oulu, 90620, ma 25.1.2027
            Purku: Luleå, 973 45, Ruotsi
            Tavara: 12 lavaa teräsosia, 7 500 kg
            """).CargoDescription);

    [Theory]
    [InlineData("Lusofrio Lda.")]
    [InlineData("Attiki Cargo Α.Ε.")]
    [InlineData("Hafnarbakki ehf.")]
    [InlineData("Emajõe Logistika OÜ")]
    public void Extract_SignatureCompanyWithALegalFormOfMoreCountries_IsTheCustomer(string company)
        => Assert.Equal(company, RulesTestMessages.Extract("Order", "Loading: 80331 München\nDelivery: 00-001 Warszawa\n\nRegards,\nRui\n" + company + "\n").Customer);

    [Theory]
    [InlineData("Precio (€)", "EUR")]
    [InlineData("Cena (zł)", "PLN")]
    [InlineData("Cena (Kč)", "CZK")]
    public void Extract_PriceColumnWithTheCurrencySignInItsHeader_ReadsTheBareAmount(string header, string currency)
    {
        var order = RulesTestMessages.Extract("Transport", $"""
            Referencia | Origen | Destino | Palets | {header}
            LN-3101 | 46024 Valencia | 69007 Lyon | 33 | 1450
            """);

        Assert.Equal(1450m, order.Price?.Amount);
        Assert.Equal(currency, order.Price?.Currency);
    }

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
