using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Rules;

public sealed class MessageClassifierTests
{
    private const string OrderBody = """
        Beladestelle: Muster GmbH, Industriestraße 1, 80331 München
        Ladetermin: 03.12.2026
        Entladestelle: Wzór Sp. z o.o., ul. Polna 2, 00-001 Warszawa
        Ware: 24 Europaletten, 18.000 kg, Plane
        Preis: 1.200 EUR
        """;

    [Fact]
    public void Classify_GermanTransportOrder_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Transportauftrag 12-345 München - Warszawa", OrderBody)));

    private const string NewBookingInAReply = """
        Hi Piotr,

        Thanks for the rates. Please book the following at the agreed £590:

        Collection: Thursday 4th February, 07:00-11:00, Leeds LS10 1PJ
        Delivery: Friday 5th February by 10:00, Sittingbourne ME10 3UR
        22 pallets chilled, 11,000 kg
        """;

    [Fact]
    public void Classify_ReplyThatNamesBothStopsInItsOwnText_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Re: rates for February", NewBookingInAReply)));

    [Fact]
    public void Classify_ReplyThatConfirmsAndRepeatsTheStops_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Re: Booking NG-20441", """
            Hi Sophie,

            we confirm the booking. Truck plates WGM 12345, driver Jan Nowak.

            Collection: Thursday 4th February, 07:00-11:00, Leeds LS10 1PJ
            Delivery: Friday 5th February by 10:00, Sittingbourne ME10 3UR
            """)));

    /// <summary>Scottish Gaelic has no vocabulary file: its labels say nothing to the classifier, its two places do.</summary>
    private const string GaelicOrderBody = """
        Madainn mhath,

        Luchdachadh: 09/12/2026, 10:00, Bainne a' Chinn a Tuath Earr., Rathad na Pàirce 4, Wrexham LL13 9UT
        Falmhachadh: 10/12/2026, Dairygold Distribution, Unit 7, 85386 Eching, A' Ghearmailt
        Bathar: càise, 26 màileidean, 11,000 kg
        Cosgais: 1,250 EUR

        Tapadh leibh,
        Ruairidh MacLeòid
        """;

    /// <summary>
    /// A plan typed with its columns aligned by spaces is the load list an HTML table would be: the classifier reads
    /// the rewritten body, where it has cell separators, not the raw one (which only the stop readers used to see).
    /// </summary>
    [Fact]
    public void Classify_PlanAlignedWithSpacesUnderANeutralSubject_IsOrder()
    {
        var email = RulesTestMessages.Email("Week 1", """
            Hello,

            please find the plan below.

            Order     Loading                Unloading              Loading date  Weight
            SP-00000  80331 München, DE      1010 Wien, AT          01.01.2027    10 t
            SP-00001  1230 Wien, AT          3000 Celje, SI         02.01.2027    11 t
            SP-00002  10115 Berlin, DE       20121 Milano, IT       03.01.2027    12 t

            Regards,
            Maja
            """);

        Assert.Equal(Classification.Order, RulesTestMessages.Classify(email));
    }

    [Fact]
    public void Classify_LanguageWithoutVocabulary_RouteOfTwoKnownPlaces_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Òrdugh CC-4410", GaelicOrderBody)));

    [Fact]
    public void Classify_LanguageWithoutVocabulary_ReplyNamingTheRoute_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Re: Òrdugh CC-4410", GaelicOrderBody)));

    [Fact]
    public void Classify_TwoOfficeAddressesBesideContactDetails_AreNoRoute()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Newyddion mis Rhagfyr", """
            Annwyl gwsmer,

            Mae ein swyddfa newydd ar agor o 02.12.2026. Diolch am eich cefnogaeth eleni: 1,200 llwyth, 24 t ar gyfartaledd.

            Swyddfa Wrecsam: Ffordd y Parc 4, Wrexham LL13 9UT
            Ffôn +44 1978 555 010, post@cludo.example
            Swyddfa'r Almaen: Dieselstraße 9, 85386 Eching
            Ffôn +49 89 555 0101, eching@cludo.example
            """)));

    [Fact]
    public void Classify_InvoiceWithSellerAndBuyerAddresses_IsInvoice()
        => Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Invoice 2026/114", """
            Seller: Cludo Cymru Cyf, Ffordd y Parc 4, Wrexham LL13 9UT
            Buyer: Muster GmbH, Dieselstraße 9, 85386 Eching
            Transport 24 t, 09.12.2026, amount due 1,250.00 EUR, VAT 0 %, payment within 30 days.
            IBAN: GB12 3456 7890 1234 5678 90
            """)));

    [Fact]
    public void Classify_InvoiceWithBankDetails_IsInvoice()
        => Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Faktura VAT 12/2026", """
            W załączniku faktura za transport Poznań - Berlin, 24 t.
            Kwota do zapłaty: 3 200,00 zł, termin płatności 30 dni.
            Numer konta: 12 1020 0000 0000 0000 0000 0000
            """)));

    [Fact]
    public void Classify_InvoiceWordsAfterProseAndPunctuation_IsInvoice()
        => Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Unterlagen November", """
            Sehr geehrte Damen und Herren,

            anbei erhalten Sie, wie besprochen, die Unterlagen (siehe Anlage).
            Zahlungserinnerung: die Rechnung 2026-114 ist noch offen.
            IBAN: DE12 3456 7890 1234 5678 90, BIC: ABCDDEFFXXX
            Fällig bis 01.12.2026, Rechnungsbetrag 1.200 EUR, MwSt 19 %
            """)));

    [Fact]
    public void Classify_LoadListHeaderAfterProseWithCrLf_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Wochenplan KW 49",
            "Hallo zusammen,\r\nhier der Plan | bitte bestätigen.\r\n\r\n"
            + "Ladeort;Ladedatum;Entladeort;Entladedatum;Gewicht\r\n"
            + "München;03.12.2026;Warszawa;04.12.2026;24.000 kg\r\n"
            + "Augsburg;04.12.2026;Poznań;05.12.2026;12.000 kg\r\n")));

    [Fact]
    public void Classify_ReplyThatOnlyConfirms_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("AW: Transportauftrag 12-345", """
            Danke, Auftrag bestätigt. Kennzeichen folgt.

            -----Ursprüngliche Nachricht-----
            Von: Disposition <dispo@example.de>
            Gesendet: Montag, 2. November 2026 08:00
            """ + "\n" + OrderBody)));

    [Fact]
    public void Classify_Cancellation_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("STORNO Transportauftrag 12-345", OrderBody)));

    [Fact]
    public void Classify_OutOfOffice_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Risposta automatica: ordine 55", "Sarò assente dall'ufficio fino al 3 novembre.")));

    [Fact]
    public void Classify_AutoSubmittedHeader_IsOther()
    {
        var email = RulesTestMessages.Email("Re: ordine", OrderBody) with
        {
            Headers = new Dictionary<string, string> { ["auto-submitted"] = "auto-replied" },
        };
        Assert.Equal(Classification.Other, RulesTestMessages.Classify(email));
    }

    [Fact]
    public void Classify_NewsletterWithRates_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Marktbarometer November", """
            Spotpreise DE → PL: 1,38 €/km, Plane 24 t.
            Webinar am 19.11.2026.
            Abmelden: https://example.invalid/u
            """)));

    [Fact]
    public void Classify_ExchangeDigestWithUnsubscribeLink_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("3 neue Frachtangebote für Ihren Suchagenten", """
            1) DE-80331 München -> PL-00-001 Warszawa | 24 t | Plane | 1.300 EUR
               Angebots-ID 1001 | Muster GmbH
            2) DE-90402 Nürnberg -> CZ-602 00 Brno | 12 t | Koffer | 800 EUR
               Angebots-ID 1002 | Beispiel KG
            Suchagent abbestellen: https://example.invalid/agent
            """)));

    [Fact]
    public void Classify_StatusUpdate_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Status update SHP-1: ARRIVED AT LOADING", """
            Status: ARRIVED AT LOADING, Gądki (PL), gate 4
            ETA delivery 23.11.2026, Jönköping (SE)
            """)));

    [Fact]
    public void Classify_SpanishQuoteRequest_IsOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Solicitud de precio Valencia - Lyon", """
            Necesitamos precio para el siguiente transporte:
            - Origen: 46001 Valencia
            - Destino: 69001 Lyon
            - Fecha de carga: 12/11
            - 10 palets, 8.000 kg, camión lona
            """)));

    [Fact]
    public void Classify_BasqueEtaInTheSubject_IsNoArrivalTime()
    {
        // Basque "eta" is "and"; only the capitals "ETA" are an arrival time (a status update).
        var body = """
            Kaixo,

            Carga: 30.12.2026, Arrasate Metal SA, Zerrajera kalea 3, 20500 Arrasate
            Descarga: 31.12.2026, Métallerie Landaise, 8 Avenue de la Gare, 40100 Dax, Frantzia
            10 palet, 7 400 kg
            """;

        Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Garraio agindua: BKG-3301 eta BKG-3302", body)));
        Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("ETA BKG-3301 Arrasate - Dax", body)));
    }

    [Fact]
    public void Classify_AlbanianInvoiceNamingItsRoute_IsInvoice()
    {
        // The route's two lines are order evidence; the billing words of the Albanian file (VAT, amount to pay, due
        // date) outweigh them, as the pattern's own words do for the languages it knows.
        var body = """
            Përshëndetje,

            Bashkëngjitur gjeni faturën nr. 2026-118 për transportin e kryer:

            Ngarkimi: 2001 Durrës, 14.12.2026
            Shkarkimi: 70123 Bari, Itali, 16.12.2026
            Shërbimi i transportit: 1 150,00 EUR
            TVSH 0 %
            Shuma për t'u paguar: 1 150,00 EUR
            Afati i pagesës: 30 ditë
            IBAN: AL47 2121 1009 0000 0002 3569 8741
            """;

        Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Faturë nr. 2026-118 - transport Durrës - Bari", body)));
    }

    [Fact]
    public void Classify_OpeningThatCancelsTheOrderTheSubjectNames_IsOther()
        => Assert.Equal(Classification.Other, RulesTestMessages.Classify(RulesTestMessages.Email("Auftrag AL-4471 Rosenheim - Verona", """
            Hallo,

            bitte den Auftrag AL-4471 nicht mehr ausführen, der Kunde hat die Ware kurzfristig storniert.

            Beladung wäre gewesen: 08.01.2027, 83026 Rosenheim
            Entladung: 37135 Verona
            """)));

    [Fact]
    public void Classify_CancellationTermsAfterTheOrder_StillAnOrder()
        => Assert.Equal(Classification.Order, RulesTestMessages.Classify(RulesTestMessages.Email("Transportauftrag AL-4472 Rosenheim - Verona", """
            Hallo,

            bitte folgenden Transport übernehmen:

            Beladung: 08.01.2027, 83026 Rosenheim
            Entladung: 09.01.2027, 37135 Verona
            Gewicht: 12.000 kg, Plane
            Preis: 950 EUR

            Eine Stornierung ist bis 24 Stunden vor der Beladung kostenfrei.
            """)));

    [Fact]
    public void Classify_CreditNoteThatCancelsPartOfABill_IsInvoice()
        => Assert.Equal(Classification.Invoice, RulesTestMessages.Classify(RulesTestMessages.Email("Nota di credito NC 14/2026", """
            Spett.le cliente,

            in allegato la nota di credito n. NC 14/2026 a storno parziale della ns. fattura n. 388/2026
            (trasporto 37135 Verona - 50-001 Wrocław, 24.000 kg).

            Importo nota di credito: EUR 120,00
            """)));
}
