using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class StopExtractorTests
{
    [Fact]
    public void Extract_NumberedPickupsAndDrops_KeepsAllStopsInTravelOrder()
    {
        var stops = RulesTestDocuments.Stops("""
            Hello,

            1) Pick-up  - Nov 24, 06:00-09:00
               Acme Boxes Sp. z o.o., ul. Polna 3, 64-100 Leszno, Poland
               10 pallets
            2) Pick-up  - Nov 24, 11:00-13:00
               Kartonex S.A., ul. Lipowa 9, 61-001 Poznań, Poland
               8 pallets
            3) Drop     - Nov 26, 08:00-12:00
               Nordic Store A/S, Havnevej 2, 7100 Vejle, Denmark

            Best regards
            Anna Berg
            Logistics AB, Storgatan 1, 411 01 Göteborg, Sweden
            """);

        Assert.Equal(3, stops.Count);
        Assert.Equal(["64-100", "61-001", "7100"], stops.Select(s => s.PostalCode));
        Assert.Equal([StopType.Loading, StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
        Assert.Equal(new DateOnly(2026, 11, 24), stops[0].Date);
        Assert.Equal(new TimeOnly(6, 0), stops[0].TimeFrom);
        Assert.Equal(new TimeOnly(9, 0), stops[0].TimeTo);
        Assert.Equal("DK", stops[2].Country);
    }

    [Theory]
    [InlineData("1ª descarga", "2ª descarga")]
    [InlineData("1st drop", "2nd drop")]
    [InlineData("1er déchargement", "2ème déchargement")]
    [InlineData("1:a lossning", "2:a lossning")]
    [InlineData("1η εκφόρτωση", "2η εκφόρτωση")]
    public void Extract_StopsNumberedWithOrdinals_ReadsEveryDrop(string firstDrop, string secondDrop)
    {
        var stops = RulesTestDocuments.Stops($"""
            Hello,

            Loading: 22.02.2027, 14:00 — 30007 Murcia, Spain

            {firstDrop}: 24.02.2027, 06:00 — 94150 Rungis (France), 10 pallets
            {secondDrop}: 24.02.2027, 11:00 — 77400 Lagny-sur-Marne (France), 23 pallets

            Regards
            """);

        Assert.Equal(["30007", "94150", "77400"], stops.Select(s => s.PostalCode));
        Assert.Equal([StopType.Loading, StopType.Unloading, StopType.Unloading], stops.Select(s => s.Type));
        Assert.Equal(new TimeOnly(11, 0), stops[2].TimeFrom);
    }

    [Fact]
    public void Extract_ReadyLineUnderTheCollection_IsTheLoadingDate()
    {
        var stops = RulesTestDocuments.Stops("""
            Collect from: Midlands Plastics Ltd, Unit 7, Tameside Drive, Birmingham B35 7AG
            Ready: Wednesday 10th March from 09:00
            Deliver to: Plast-Form Sp. z o.o., ul. Fabryczna 14, 43-300 Bielsko-Biała, Poland
            Delivery: Friday 12th March
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(3, stops[0].Date?.Month);
        Assert.Equal(10, stops[0].Date?.Day);
        Assert.Equal(new TimeOnly(9, 0), stops[0].TimeFrom);
    }

    [Fact]
    public void Extract_WeekdayAloneInTheStopsLine_IsTheNextSuchDay()
    {
        // Sent on Thursday 20 May 2027: "fredag" is the next day; the delivery gives its own date.
        var stops = RulesTestDocuments.Stops("""
            Læsning: Jysk Pap A/S, Vestre Engvej 9, 7100 Vejle, fredag kl. 7-10
            Levering: 21107 Hamburg, mandag 24/5 kl. 8
            """, new DateTimeOffset(2027, 5, 20, 14, 10, 0, TimeSpan.FromHours(2)));

        Assert.Equal([new DateOnly(2027, 5, 21), new DateOnly(2027, 5, 24)], stops.Select(s => s.Date));
        Assert.Equal((new TimeOnly(7, 0), new TimeOnly(10, 0)), (stops[0].TimeFrom, stops[0].TimeTo));
    }

    [Fact]
    public void Extract_WeekdaysOfACalendarWeek_AreThatWeeksDays()
    {
        // Sent on Wednesday 26 May 2027 (week 21): "KW 22, Mittwoch" is 2 June, not the day the mail was sent.
        var stops = RulesTestDocuments.Stops("""
            Ladestelle:
            Allgäuer Käserei eG
            87435 Kempten
            Ladetermin: KW 22, Dienstag, 06:00-10:00 Uhr

            Entladestelle:
            37139 Verona, Italien
            Entladetermin: KW 22, Mittwoch
            """, new DateTimeOffset(2027, 5, 26, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal([new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 2)], stops.Select(s => s.Date));
        Assert.Equal("DE", stops[0].Country);
    }

    [Fact]
    public void Extract_WeekdaysOnTwoLinesOfTheStop_AreNoDate()
    {
        var stops = RulesTestDocuments.Stops("""
            Læsning: Jysk Pap A/S, 7100 Vejle, fredag kl. 7-10
            Lageret har lukket mandag
            Levering: 21107 Hamburg, 24/5 kl. 8
            """, new DateTimeOffset(2027, 5, 20, 14, 10, 0, TimeSpan.FromHours(2)));

        Assert.Null(stops[0].Date);
        Assert.Equal(new DateOnly(2027, 5, 24), stops[1].Date);
    }

    [Theory]
    [InlineData("Beladestelle: 33104 Paderborn, Montag bis Freitag 7-15 Uhr")]
    [InlineData("Beladestelle: 33104 Paderborn, Mo-Fr 7-15 Uhr")]
    public void Extract_OpeningDaysInTheStopsLine_AreNoDate(string loading)
    {
        var stops = RulesTestDocuments.Stops(loading + "\nEntladestelle: 80331 München\n");

        Assert.Equal("33104", stops[0].PostalCode);
        Assert.Null(stops[0].Date);
    }

    [Fact]
    public void Extract_RouteSentenceThenBothStopsDatesInOneSentence_EachStopTakesItsOwn()
    {
        var stops = RulesTestDocuments.Stops("""
            mamy do przewiezienia 24 palety z Poznania (61-131) do Lipska (04109, Niemcy). Załadunek w czwartek 27.05 od 8:00, rozładunek w piątek 28.05 do 12:00.
            """, new DateTimeOffset(2027, 5, 24, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal([new DateOnly(2027, 5, 27), new DateOnly(2027, 5, 28)], stops.Select(s => s.Date));
        Assert.Equal((new TimeOnly(8, 0), (TimeOnly?)null), (stops[0].TimeFrom, stops[0].TimeTo));
        Assert.Equal(((TimeOnly?)null, new TimeOnly(12, 0)), (stops[1].TimeFrom, stops[1].TimeTo));
    }

    [Fact]
    public void Extract_ProseSentenceNamingBothStopsEachWithADate_DatesEachStop()
    {
        // The lines join into one sentence (no full stop after the town): its loading clause and its unloading clause each
        // carry a date.
        var stops = RulesTestDocuments.Stops("""
            Wir laden am Mittwoch, den 24. März 2027, Ladezeit 7-15 Uhr, bei
            Kunststoff Paderborn GmbH
            33104 Paderborn

            Entladung am 26. März bis 10 Uhr in 80-299 Gdańsk (Polen), ul. Budowlanych 31.
            """, new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(["33104", "80-299"], stops.Select(s => s.PostalCode));
        Assert.Equal([new DateOnly(2027, 3, 24), new DateOnly(2027, 3, 26)], stops.Select(s => s.Date));
        Assert.Equal(new TimeOnly(10, 0), stops[1].TimeTo);
    }

    [Fact]
    public void Extract_ProseSentenceNamingBothStopsWithOneDate_GivesItToTheFirstStopWord()
    {
        // The clause before "Beladung" has no date of its own: the whole sentence is the unloading's.
        var stops = RulesTestDocuments.Stops("""
            Wir holen die Ware in 33104 Paderborn ab und bringen sie nach 80-299 Gdańsk.
            Die Entladung erfolgt am Tag nach der Beladung, am 26. März bis 10 Uhr.
            """, new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(["33104", "80-299"], stops.Select(s => s.PostalCode));
        Assert.Equal(new DateOnly(2027, 3, 26), stops[1].Date);
    }

    [Fact]
    public void Extract_LabelledLoadingAndAnUnloadingInProse_ReadsBoth()
    {
        var stops = RulesTestDocuments.Stops("""
            Beladestelle: Kunststoff Paderborn GmbH, Hansestraße 20, 33104 Paderborn
            Ladezeit: 24.03.2027, 7-15 Uhr

            Die Entladung ist zwei Tage später bis 10 Uhr in 80-299 Gdańsk (Polen), ul. Budowlanych 31.
            """);

        Assert.Equal(["33104", "80-299"], stops.Select(s => s.PostalCode));
        Assert.Equal([StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
    }

    [Fact]
    public void Extract_OrdinalBeforeAnOtherLabel_IsNoStop()
    {
        var stops = RulesTestDocuments.Stops("""
            Loading: 22.02.2027, 30007 Murcia, Spain
            Unloading: 24.02.2027, 94150 Rungis, France
            3rd floor: office of 77400 Lagny-sur-Marne, France
            """);

        Assert.Equal(["30007", "94150"], stops.Select(s => s.PostalCode));
    }

    [Fact]
    public void Extract_GermanLabelledBlocks_ReadsPlacesDatesAndWindows()
    {
        var stops = RulesTestDocuments.Stops("""
            Sehr geehrte Damen und Herren,

            Beladestelle:
            Musterwerk GmbH
            Hauptstraße 4
            D-93047 Regensburg
            Ladetermin: Do. 26.11.2026 ab 7 Uhr

            Entladestelle:     Sklad Nord s.r.o.
                               Skladová 12
                               CZ-326 00 Plzeň
            Entladetermin:     Fr. 27.11.2026, bis 12 Uhr

            Ware: Ersatzteile, 12 Paletten

            Mit freundlichen Grüßen
            Max Muster
            Spedition Muster GmbH · Ringstraße 5 · 80331 München
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("93047", "Regensburg", "DE"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(new DateOnly(2026, 11, 26), stops[0].Date);
        Assert.Equal(new TimeOnly(7, 0), stops[0].TimeFrom);
        Assert.Null(stops[0].TimeTo);
        Assert.Equal(("326 00", "Plzeň", "CZ"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Null(stops[1].TimeFrom);
        Assert.Equal(new TimeOnly(12, 0), stops[1].TimeTo);
    }

    [Fact]
    public void Extract_SignatureAddressOnly_IsNeverAStop()
    {
        var stops = RulesTestDocuments.Stops("""
            Załadunek: 30.11.2026, godz. 8-14
            Firma Testowa Sp. z o.o., ul. Długa 5, 87-100 Toruń

            Rozładunek: 01.12.2026
            Magazyn Centralny, ul. Krótka 1, 00-950 Warszawa

            Pozdrawiam
            Jan Kowalski
            Spedycja XYZ Sp. z o.o.
            ul. Główna 10, 60-101 Poznań
            """);

        Assert.Equal(2, stops.Count);
        Assert.DoesNotContain(stops, s => s.City == "Poznań");
        Assert.Equal("87-100", stops[0].PostalCode);
        Assert.Equal(new TimeOnly(8, 0), stops[0].TimeFrom);
        Assert.Equal(new TimeOnly(14, 0), stops[0].TimeTo);
        Assert.Equal(("00-950", "PL"), (stops[1].PostalCode, stops[1].Country));
    }

    [Fact]
    public void Extract_ItalianProvinceInBracketsThatIsAlsoACountryCode_IsTheProvince()
    {
        // "(BG)" is Bergamo here, not Bulgaria: the gazetteer knows Stezzano in Italy only. "(CZ)" after Brno stays Czech.
        var stops = RulesTestDocuments.Stops("""
            Ritiro a 24040 Stezzano (BG), venerdì 18 dicembre mattina.
            Consegna a 61900 Brno (CZ), lunedì 21 dicembre.
            """);

        Assert.Equal([("Stezzano", "IT"), ("Brno", "CZ")], stops.Select(s => (s.City, s.Country)));
    }

    [Fact]
    public void Extract_RouteOneLiner_GivesLoadingAndUnloading()
    {
        var stops = RulesTestDocuments.Stops("PL 62-200 Gniezno - CZ 61900 Brno | 02.12.2026 -> 03.12.2026");

        Assert.Equal(2, stops.Count);
        Assert.Equal(("62-200", "Gniezno", "PL"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(("61900", "Brno", "CZ"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Equal(new DateOnly(2026, 12, 2), stops[0].Date);
        Assert.Equal(new DateOnly(2026, 12, 3), stops[1].Date);
    }

    [Fact]
    public void Extract_PipeTableRows_ReadsLabelledCells()
    {
        var stops = RulesTestDocuments.Stops("""
            Order no | TO-77
            Loading address | Verpakking B.V. Industrieweg 5 6031 RK Nederweert Netherlands
            Loading date / time | 2026-11-23 07:00 - 11:00
            Delivery address | Obaly s.r.o. Nádražní 8 370 01 České Budějovice Czech Republic
            Delivery date / time | 2026-11-25 08:00
            Goods | boxes
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("6031 RK", "NL"), (stops[0].PostalCode, stops[0].Country));
        Assert.Equal(new TimeOnly(11, 0), stops[0].TimeTo);
        Assert.Equal(("370 01", "CZ"), (stops[1].PostalCode, stops[1].Country));
        Assert.Equal(new TimeOnly(8, 0), stops[1].TimeFrom);
        Assert.Equal(new TimeOnly(8, 0), stops[1].TimeTo);
    }

    [Fact]
    public void Extract_BritishCollectionBlock_ReadsOutwardAndInwardCode()
    {
        var stops = RulesTestDocuments.Stops("""
            COLLECTION
            Tuesday 24th Nov, 08:00 - 12:00
            Widget Works Ltd
            Unit 4 Canal Park
            Telford TF7 4QT
            UK

            DELIVERY
            Wed 25th Nov
            Widget GmbH, Am Hafen 3, 47119 Duisburg, Germany
            """);

        Assert.Equal(("TF7 4QT", "Telford", "GB"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(new DateOnly(2026, 11, 24), stops[0].Date);
        Assert.Equal(("47119", "Duisburg", "DE"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Equal(new DateOnly(2026, 11, 25), stops[1].Date);
    }

    [Fact]
    public void Extract_BulgarianAndFrenchLabels_ReadCyrillicCityAndCountryNames()
    {
        var bg = RulesTestDocuments.Stops("""
            Товарене: 2 декември, 08:00 - 12:00
            Склад Север ЕООД, ул. Индустриална 3, 5800 Плевен
            Разтоварване: 4 декември, до 16:00
            Depozit SRL, Str. Morii 7, 500001 Brașov, Румъния
            """);
        Assert.Equal(("5800", "Плевен", "BG"), (bg[0].PostalCode, bg[0].City, bg[0].Country));
        Assert.Equal(("500001", "RO"), (bg[1].PostalCode, bg[1].Country));
        Assert.Equal(new DateOnly(2026, 12, 4), bg[1].Date);
        Assert.Equal(new TimeOnly(16, 0), bg[1].TimeTo);

        var fr = RulesTestDocuments.Stops("""
            Chargement : le 30/11/2026 entre 8h et 16h
            Papeterie du Nord, 12 rue des Lilas, 59000 Lille, France
            Livraison : le 02/12/2026 à 9h00
            Magazzino Srl, Via Roma 1, 20121 Milano (MI), Italie
            """);
        Assert.Equal(("59000", "Lille", "FR"), (fr[0].PostalCode, fr[0].City, fr[0].Country));
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0)), (fr[0].TimeFrom!.Value, fr[0].TimeTo!.Value));
        Assert.Equal(("20121", "Milano", "IT"), (fr[1].PostalCode, fr[1].City, fr[1].Country));
        Assert.Equal(new TimeOnly(9, 0), fr[1].TimeTo);
    }

    [Fact]
    public void Extract_MessageWithoutDateHeader_CompletesYearFromTheInjectedClock()
    {
        var document = RulesDocument.From(new Email
        {
            MessageId = "<clock@example.com>",
            Subject = "Auftrag",
            Body = "Beladestelle: D-93047 Regensburg\nLadetermin: 26.11.\n\nEntladestelle: CZ-326 00 Plzeň\n",
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 11, 20, 9, 0, 0, TimeSpan.Zero));

        var stops = new StopExtractor(OfflineGazetteer.Shared, clock).Extract(document, new OrderBlock(0, document.Text.Length), new Dictionary<string, TextSpan>());

        Assert.Equal(new DateOnly(2031, 11, 26), stops[0].Date);
    }

    [Fact]
    public void Extract_TwoDocumentsInTurnOnOneExtractor_EachReadWithItsOwnMemo()
    {
        var extractor = new StopExtractor();
        var first = RulesTestDocuments.From("Beladestelle: D-93047 Regensburg\nEntladestelle: CZ-326 00 Plzeň");
        var second = RulesTestDocuments.From("Beladestelle: 80331 München\nEntladestelle: PL-64-100 Leszno");

        var a = extractor.Extract(first, new OrderBlock(0, first.Text.Length), new Dictionary<string, TextSpan>());
        var b = extractor.Extract(second, new OrderBlock(0, second.Text.Length), new Dictionary<string, TextSpan>());

        Assert.Equal(["Regensburg", "Plzeň"], a.Select(s => s.City));
        Assert.Equal(["München", "Leszno"], b.Select(s => s.City));
        Assert.NotSame(first.Places, second.Places);
    }
}
