using FleetManager.Core.Model;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Stops;

/// <summary>
/// Stops whose address sits under a separate address or company label (the language files'
/// <c>stop.place</c> words), or whose heading is a compound stop word, and places written city
/// first before a bare postal code.
/// </summary>
public sealed class SectionPlaceLabelTests
{
    [Fact]
    public void Extract_AddressLabelUnderTheStopLabel_BelongsToThatStop()
    {
        // Croatian: "Adresa:" lines under "Utovar:" and "Istovar:".
        var stops = RulesTestDocuments.Stops("""
            Utovar:     ponedjeljak, 11.01.2027, 07:00-09:00
            Adresa:     Zagrebačka 14, 42000 Varaždin
            Istovar:    utorak, 12.01.2027, do 12:00
            Adresa:     Industriestraße 8, 8010 Graz, Austrija
            Težina:     9.000 kg
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal((StopType.Loading, "42000", "Varaždin"), (stops[0].Type, stops[0].PostalCode, stops[0].City));
        Assert.Equal(new DateOnly(2027, 1, 11), stops[0].Date);
        Assert.Equal((StopType.Unloading, "8010", "Graz", "AT"), (stops[1].Type, stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Equal(new TimeOnly(12, 0), stops[1].TimeTo);
    }

    [Fact]
    public void Extract_CityBeforeBarePostalCode_ReadAsThePlace()
    {
        // Bulgarian addresses written "city code" at the end, no comma between.
        var stops = RulesTestDocuments.Stops("""
            Товарене:     понеделник, 11 януари, 08:00
                          „Дунав Метал“ ООД, ул. „Пристанищна“ 3, Русе 7000
            Разтоварване: вторник, 12 януари
                          „Тракия Логистик“ АД, бул. „Марица“ 21, Пловдив 4000
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("7000", "Русе", "BG"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(("4000", "Пловдив"), (stops[1].PostalCode, stops[1].City));
        Assert.Equal(new DateOnly(2027, 1, 12), stops[1].Date);
    }

    [Fact]
    public void Extract_WordThatIsNoCityBeforeANumber_NotAPlace()
    {
        var stops = RulesTestDocuments.Stops("""
            Loading: 85386 Eching, 12.01.2027
            Delivery: 02-672 Warszawa, 13.01.2027
            Invoice 45678
            """);

        Assert.DoesNotContain(stops, s => s.PostalCode == "45678");
        Assert.Equal(2, stops.Count);
    }

    [Fact]
    public void Extract_SwedishAddressHeadingsLastadressLossadress_GiveTheStops()
    {
        var stops = RulesTestDocuments.Stops("""
            Lastning:    tisdag 12 januari 2027, kl. 08:00
            Lastadress:  Lagervägen 3, 553 03 Jönköping
            Lossning:    onsdag 13 januari 2027
            Lossadress:  Hamngatan 1, 211 22 Malmö
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("553 03", "Jönköping", StopType.Loading), (stops[0].PostalCode, stops[0].City, stops[0].Type));
        Assert.Equal(new DateOnly(2027, 1, 12), stops[0].Date);
        Assert.Equal(("211 22", "Malmö", StopType.Unloading), (stops[1].PostalCode, stops[1].City, stops[1].Type));
    }

    [Fact]
    public void Extract_RouteWithTheFirstPlacesCountryBeforeTheArrow_IsARoute()
    {
        var stops = RulesTestDocuments.Stops("""
            Maršruts: LV-1050 Rīga, Latvija -> 10115 Berlin, Vācija | 14.01.2027 -> 16.01.2027
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("1050", "Rīga", "LV"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(("10115", "Berlin"), (stops[1].PostalCode, stops[1].City));
        Assert.Equal(new DateOnly(2027, 1, 14), stops[0].Date);
    }

    [Fact]
    public void Extract_AddressUnderALabelNoFileKnows_BelongsToTheOpenStop()
    {
        // "Seòladh:" (Scottish Gaelic for address, which no file knows) under the stop headings, in the layout a
        // stops-as-columns table is rewritten to.
        var stops = RulesTestDocuments.Stops("""
            Carga
            Data: 29/12/2026 08:00-12:00
            Seòladh: Rúa do Porto 12, 36940 Cangas

            Descarga
            Data: 30/12/2026
            Seòladh: Rua da Boavista 300, 4100-110 Porto, Portugal
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("36940", "Cangas", new DateOnly(2026, 12, 29)), (stops[0].PostalCode, stops[0].City, stops[0].Date));
        Assert.Equal(("4100-110", "Porto", "PT"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
    }

    [Fact]
    public void Extract_BillingAddressUnderTheStopHeading_NotTheStop()
    {
        var stops = RulesTestDocuments.Stops("""
            Carga
            Rechnungsadresse: Muster GmbH, 10115 Berlin
            Enderezo: Rúa do Porto 12, 36940 Cangas

            Descarga
            Enderezo: Rua da Boavista 300, 4100-110 Porto
            """);

        Assert.DoesNotContain(stops, s => s.City == "Berlin");
    }

    [Fact]
    public void Extract_TownOfTheLanguagesHomeCountry_WinsOverABiggerNamesakeAbroad()
    {
        // Ans is a village in Denmark and a town of 27,000 in Belgium; both write four-digit codes. In a Danish mail it is Danish.
        var stops = RulesTestDocuments.Stops("""
            Afhentning: mandag 11.01.2027, Ans Tømmerhandel, Vestergade 4, 8643 Ans
            Levering: tirsdag 12.01.2027, Byggecenter Vest, Industrivej 2, 6700 Esbjerg
            """);

        Assert.Equal(("8643", "Ans", "DK"), (stops[0].PostalCode, stops[0].City, stops[0].Country));
    }

    [Fact]
    public void Extract_DropInATownTheGazetteerLacks_TakesTheCountryTheOtherDropsShare()
    {
        // Schwentinental is in no gazetteer entry and "24223" fits several countries; the other drops are German.
        var stops = RulesTestDocuments.Stops("""
            Załadunek: 13.01.2027, ul. Wierzbicka 80, 26-600 Radom
            Rozładunek 1: 14.01.2027, Am Stadtrand 10, 15234 Frankfurt (Oder)
            Rozładunek 2: 14.01.2027, Potsdamer Str. 5, 14513 Teltow
            Rozładunek 3: 15.01.2027, Lise-Meitner-Str. 2, 24223 Schwentinental
            """);

        Assert.Equal(["PL", "DE", "DE", "DE"], stops.Select(s => s.Country));
        Assert.Equal("Schwentinental", stops[^1].City);
    }
}
