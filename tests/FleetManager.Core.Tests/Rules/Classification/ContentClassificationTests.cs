using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules.Classifying;

/// <summary>Classification from the content in languages the engine knows only from its vocabulary files (own examples).</summary>
public sealed class ContentClassificationTests
{
    private const string SwedishOrder = """
        Hej,

        Lastningsplats: Exempel Trä AB, Verkstadsgatan 4, 504 62 Borås
        Lastningsdag: 12/3 kl. 08-12
        Lossningsplats: Prøve Bygg AS, Industriveien 9, 3036 Drammen
        Gods: 18 EUR-pallar, ca 9 ton, ej farligt gods
        Pris: 6 400 kr

        Med vänlig hälsning
        Sven
        """;

    [Fact]
    public void Classify_SwedishLabels_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Transport Borås – Drammen", SwedishOrder)));

    [Fact]
    public void Classify_SwedishReplyCarryingANewOrder_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("SV: förra veckans körning", SwedishOrder)));

    [Fact]
    public void Classify_ExchangeAlertWithBulkHeaders_IsOrder()
    {
        var email = RulesTestMessages.Email("Jaunas kravas jūsu filtram", """
            1) Iekraušana: LV-1050 Rīga, 14.03.
               Izkraušana: LT-44280 Kaunas, 15.03.
               Krava: 12 paletes, 8 000 kg, tents
            2) Iekraušana: LV-3001 Jelgava, 16.03.
               Izkraušana: EE-10115 Tallinn, 17.03.
               Krava: 20 t, ref
            Atteikties no ziņojumiem: https://example.invalid/unsubscribe
            """) with
        {
            Headers = new Dictionary<string, string> { ["precedence"] = "bulk", ["list-unsubscribe"] = "<https://example.invalid/u>" },
        };

        Assert.Equal(Classification.Order, RulesTestMessages.Classify(email));
    }

    [Fact]
    public void Classify_NewsletterWithBulkHeadersAndNoLoads_IsOther()
    {
        var email = RulesTestMessages.Email("Market update: rates on PL→DE lanes", """
            Spot rates on Polish-German lanes rose 4 % this week. Capacity stays tight before Christmas.
            Read the full report in your browser. Unsubscribe: https://example.invalid/u
            """) with
        {
            Headers = new Dictionary<string, string> { ["precedence"] = "bulk", ["list-unsubscribe"] = "<https://example.invalid/u>" },
        };

        Assert.Equal(Classification.Other, RulesTestMessages.Classify(email));
    }

    [Fact]
    public void Classify_SeaFreightEnquiryWithLaneAndCargo_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Enquiry LCL Gdynia - Haifa", """
            Please quote LCL from port of loading Gdynia to port of discharge Haifa.
            Loading: Example Sp. z o.o., 81-336 Gdynia
            Delivery: Example Ltd, Haifa
            Cargo: 6 pallets, 4,2 CBM, 2 400 kg, UN 1263 class 3
            """)));

    [Theory]
    [InlineData("Accusé de réception : votre offre de prix Lyon - Gdańsk")]
    [InlineData("Empfangsbestätigung: Transportauftrag Lyon - Gdańsk")]
    [InlineData("AW: Eingangsbestätigung Angebot Lyon - Gdańsk")]
    public void Classify_AcknowledgementOfReceipt_IsOther(string subject)
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email(subject, """
            Nous accusons bonne réception de votre offre du 8 mars pour le trajet 69007 Lyon – 80-001 Gdańsk.
            Chargement: 69007 Lyon
            Livraison: 80-001 Gdańsk
            """)));

    [Fact]
    public void Classify_OrderThatAsksForAnAcknowledgement_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Transportauftrag 4711 – bitte um Empfangsbestätigung", """
            Beladung: 17.02.2027, 33334 Gütersloh
            Entladung: 18.02.2027, 60-115 Poznań
            26 Paletten, 8.300 kg, Planensattel, 1.050 EUR
            """)));

    [Fact]
    public void Classify_FinnishOutOfOfficeSubject_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Automaattinen vastaus: kuljetustilaus Lahti", """
            Olen lomalla 20.3. asti. Kiireellisissä asioissa ota yhteyttä dispo@example.invalid.
            """)));

    [Fact]
    public void Classify_EstonianCancellationSubject_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Tühistamine: tellimus 2026-77", """
            Laadimiskoht: Tartu 50106
            Mahalaadimiskoht: Kaunas LT-44280
            Palun tühistage see vedu.
            """)));

    [Fact]
    public void Classify_NorwegianInvoiceSubject_IsInvoice()
        => Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Faktura 2026-3311 fra Eksempel Transport AS", """
            Vedlagt faktura for transport Oslo – Göteborg 12.11.
            Beløp: 9 800 NOK, forfall 30 dager. Kontonummer 1234.56.78901.
            """)));
}
