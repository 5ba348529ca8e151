using FleetManager.Core.Model;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules.Stops;

/// <summary>Load-list columns known from their cells (own examples): prefixed postal codes, dates after weekday names.</summary>
public sealed class LoadListColumnInferenceTests
{
    [Fact]
    public void Split_LongListWithCountryPrefixedCodesOfEveryShape_GroupsStopsAndReadsPlaces()
    {
        // A ';' CSV plan as the attachment reader renders it; no header word is in any vocabulary, and
        // the codes carry a country prefix before national shapes ("PL-62-080", "SE-553 18", "NL-3011 AB").
        var csv = """
            Vedu nr. | Pieturas veids | Datums | Uzņēmums | Pasta indekss | Pilsēta | Valsts
            KV-7701 | Iekraušana | 2026-11-23 | SIA Paraugs | LV-3001 | Jelgava | LV
            KV-7701 | Izkraušana | 2026-11-24 | Przykład Sp. z o.o. | PL-62-080 | Tarnowo Podgórne | PL
            KV-7702 | Iekraušana | 2026-11-24 | SIA Paraugs | LV-3001 | Jelgava | LV
            KV-7702 | Izkraušana | 2026-11-26 | Exempel AB | SE-553 18 | Jönköping | SE
            KV-7703 | Iekraušana | 2026-11-25 | SIA Paraugs | LV-3001 | Jelgava | LV
            KV-7703 | Izkraušana | 2026-11-27 | Voorbeeld BV | NL-3011 AB | Rotterdam | NL
            """;
        var document = RulesTestDocuments.From("Plāns pielikumā.", attachments: new EmailAttachment("plans.csv", "text/csv", csv.Length, csv));

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(3, blocks.Count);
        var stops = blocks.Select(b => new StopExtractor().Extract(document, b, new Dictionary<string, TextSpan>())).ToList();
        Assert.Equal(["3001", "62-080"], stops[0].Select(s => s.PostalCode));
        Assert.Equal(["3001", "553 18"], stops[1].Select(s => s.PostalCode));
        Assert.Equal("Rotterdam", stops[2][^1].City);
        Assert.Equal(StopType.Unloading, stops[2][^1].Type);
        Assert.Equal(new DateOnly(2026, 11, 27), stops[2][^1].Date);
    }

    [Fact]
    public void Split_WideListWithWeekdayDatesUnderStopHeaders_TakesThemAsDatesNotPlaces()
    {
        // "Afhentning"/"Levering" (pick-up, delivery) head the columns of the days ("tir 24.11"); the places
        // are under "Afsender"/"Modtager" (sender, consignee), also stop words of the language file.
        const string body = """
            Hej, her er planen for næste uge:
            Nr. | Afhentning | Afsender | Modtager | Levering | Vægt
            DK-55 | tir 24.11 kl. 07:00 | Eksempel A/S, Industrivej 4, 7100 Vejle | Beispiel GmbH, Hafenstr. 9, 20457 Hamburg | ons 25.11 kl. 10:00 | 12 000 kg
            DK-56 | tor 26.11 | Eksempel A/S, Industrivej 4, 7100 Vejle | Przykład S.A., ul. Portowa 3, 81-300 Gdynia | fre 27.11 | 8 400 kg
            Venlig hilsen
            """;
        var document = RulesTestDocuments.From(body);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var second = new StopExtractor().Extract(document, blocks[1], new Dictionary<string, TextSpan>());
        Assert.Equal([("7100", new DateOnly(2026, 11, 26)), ("81-300", new DateOnly(2026, 11, 27))], second.Select(s => (s.PostalCode, s.Date)));
    }

    [Fact]
    public void Split_DateAndTimeColumnsAfterEachStop_GiveEachStopItsDayAndWindow()
    {
        // "Data/godz." (date/hour) heads a column of days with their hours: a date column, its window read beside it.
        var document = RulesTestDocuments.From("""
            Zlecenia:

            Nr zlecenia | Załadunek | Data/godz. zał. | Rozładunek | Data/godz. rozł.
            KCL/02/0871 | 62-800 Kalisz | 23.02.2027 7:00-9:00 | 45-449 Opole | 23.02.2027 do 14:00
            KCL/02/0872 | 62-800 Kalisz | 24.02.2027 od 6:00 | 81-336 Gdynia | 25.02.2027 8:00
            """);

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var stops = blocks.Select(b => new StopExtractor().Extract(document, b, new Dictionary<string, TextSpan>())).ToList();
        Assert.Equal([new DateOnly(2027, 2, 23), new DateOnly(2027, 2, 23)], stops[0].Select(s => s.Date));
        Assert.Equal([new DateOnly(2027, 2, 24), new DateOnly(2027, 2, 25)], stops[1].Select(s => s.Date));
        Assert.Equal(new TimeOnly(7, 0), stops[0][0].TimeFrom);
    }

    [Fact]
    public void Split_PostalCodeColumnsBesideEachStopsPlace_BelongToThatStop()
    {
        // "CP" (código postal) names no stop: each belongs to the place column on its left, the country to the stop before it.
        var sheet = """
            Referencia | Fecha carga | Origen | CP | Destino | CP | País | Palets
            LN-3101 | 2027-01-18 | Valencia | 46024 | Lyon | 69007 | FR | 33
            LN-3102 | 2027-01-19 | Sagunto | 46520 | Perpignan | 66000 | FR | 20
            """;
        var document = RulesTestDocuments.From("Adjunto las cargas.", attachments: new EmailAttachment("cargas.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Length, sheet));

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var stops = blocks.Select(b => new StopExtractor().Extract(document, b, new Dictionary<string, TextSpan>())).ToList();
        Assert.Equal(["46024", "69007"], stops[0].Select(s => s.PostalCode));
        Assert.Equal(["46520", "66000"], stops[1].Select(s => s.PostalCode));
        // Valencia in Venezuela is bigger, but only the Spanish one is in a country of five-digit codes.
        Assert.Equal(["ES", "FR"], stops[0].Select(s => s.Country));
        // A place cell that is only a town is not repeated before its code in the address.
        Assert.Equal(["46024 Valencia", "69007 Lyon, FR"], stops[0].Select(s => s.Address));
    }

    [Fact]
    public void Split_HtmlTableOfStopRowsUnderAnEmptyCorner_ReadsEachStopsCodeAndTown()
    {
        // An HTML table renders its empty corner as a row starting "| "; "Postnr" and "Ort" are the code and the town.
        var body = string.Join('\n',
            "vi bokar följande transport:",
            "| Datum | Tid | Adress | Postnr | Ort | Land",
            "Lastning | 2027-03-23 | 08:00 | Industrigatan 5 | 721 34 | Västerås | SE",
            "Lossning | 2027-03-25 | 10:00 | Gewerbestraße 12 | 22113 | Hamburg | DE",
            "Gods: 16 pallar, 7 200 kg");
        var document = RulesTestDocuments.From(body);

        var stops = new StopExtractor().Extract(document, Assert.Single(OrderSegmenter.Split(document)), new Dictionary<string, TextSpan>());

        Assert.Equal(["721 34", "22113"], stops.Select(s => s.PostalCode));
        Assert.Equal(["Västerås", "Hamburg"], stops.Select(s => s.City));
        Assert.Equal([StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
    }

    [Fact]
    public void Split_TurkishHeadersForCodeAndCountry_ReadEachStopsCode()
    {
        // "Posta kodu" (postal code) beside each stop's place column, "Ülke" (country) for the unloading.
        var sheet = """
            Yükleme yeri | Posta kodu | Yükleme tarihi | Boşaltma yeri | Posta kodu | Ülke | Palet
            Bursa | 16140 | 19.05.2027 | München | 80939 | Almanya | 26
            İzmir | 35410 | 20.05.2027 | Budapest | 1097 | Macaristan | 33
            """;
        var document = RulesTestDocuments.From("Ekteki yükler.", attachments: new EmailAttachment("yukler.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Length, sheet));

        var blocks = OrderSegmenter.Split(document);

        Assert.Equal(2, blocks.Count);
        var stops = blocks.Select(b => new StopExtractor().Extract(document, b, new Dictionary<string, TextSpan>())).ToList();
        Assert.Equal(["16140", "80939"], stops[0].Select(s => s.PostalCode));
        Assert.Equal(["35410", "1097"], stops[1].Select(s => s.PostalCode));
        Assert.Equal(["TR", "HU"], stops[1].Select(s => s.Country));
    }
}
