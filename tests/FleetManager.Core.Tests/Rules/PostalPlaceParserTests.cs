using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class PostalPlaceParserTests
{
    [Theory]
    [InlineData("Lossen: donderdag 15 april, 61-248 Poznań (PL)", "61-248", "Poznań")]
    [InlineData("Lastning: torsdag 15/4 kl. 08.00, Göteborg (hamnen), 418 34", "418 34", "Göteborg")]
    public void FindAll_PlaceAfterAMonthOrWithANoteBeforeItsCode_IsRead(string line, string postal, string city)
    {
        // A month's name before a code that cannot be a year; a note in brackets between the town and its code.
        var place = Assert.Single(PostalPlaceParser.FindAll(line));
        Assert.Equal((postal, city), (place.PostalCode, place.City));
    }

    [Theory]
    [InlineData("Vigo (36201) → Porto (4000-123, Portugal) | 17/05 | 24 t", "4000-123", "Porto", "PT")]
    [InlineData("Lugo (27003) → Bordeaux (33300, Francia) | 19/05", "33300", "Bordeaux", "FR")]
    public void FindAll_CountryNamedInsideTheCodesBrackets_IsThatPlacesCountry(string line, string postal, string city, string country)
    {
        // Exchange one-liners write "Town (code, Country)"; the first place, "Town (code)", has no country of its own.
        var places = PostalPlaceParser.FindAll(line);

        Assert.Equal(2, places.Count);
        Assert.Null(places[0].Country);
        Assert.Equal((postal, city, country), (places[1].PostalCode, places[1].City, places[1].Country));
    }

    [Theory]
    [InlineData("Завантаження: 79035, м. Львів, вул. Городоцька 174", "79035", "Львів")]
    [InlineData("Разтоварване: 1000 гр. София, България", "1000", "София")]
    public void FindAll_SettlementAbbreviationBeforeTheTown_ReadsTheTownAndAsksTheGazetteer(string line, string postal, string city)
    {
        // "м." (місто), "гр." (град): the town after the abbreviation; a street ("ul. Długa") takes the same shape, so
        // the gazetteer must confirm the town.
        var place = Assert.Single(PostalPlaceParser.FindAll(line));

        Assert.Equal((postal, city), (place.PostalCode, place.City));
        Assert.True(place.NeedsConfirmation);
    }

    [Fact]
    public void FindAll_TownsBeforeCodesWithTheirCountryPrefix_ReadsBoth()
    {
        var places = PostalPlaceParser.FindAll("turime krovinį: Kaunas LT-44001 → Ryga LV-1050, pakrovimas 2027-05-27");

        Assert.Equal([("44001", "Kaunas", "LT"), ("1050", "Ryga", "LV")], places.Select(p => (p.PostalCode, p.City, p.Country)));
    }

    [Fact]
    public void FindAll_ReferenceShapedLikeATownAndAPrefixedCode_IsNoPlace()
        => Assert.Empty(PostalPlaceParser.FindAll("bitte den Auftrag AL-4471 nicht mehr ausführen"));

    [Theory]
    [InlineData("Iekraušana: SIA Daugava Koks, Rīga, LV-1050, 28.05.2027 plkst. 8:00", "1050", "Rīga", "LV")]
    [InlineData("Φόρτωση: Σίνδος, Τ.Κ. 570 22, Πέμπτη 27/05 ώρα 08:00", "570 22", "Σίνδος", "GR")]
    [InlineData("Consegna: 19034 Luni, Italia", "19034", "Luni", "IT")]
    public void FindAll_PrefixedCodeAfterTheTownOrAWeekdayAfterTheCode_ReadsTheTown(string line, string postal, string city, string? country)
    {
        // "Rīga, LV-1050": the prefix gives the country; "Πέμπτη 27/05" (Thursday) after a code is a date, not its town, and
        // "Τ.Κ." names the code of the town before it; "Luni" is a town though it is Romanian Monday (no day follows it).
        var place = Assert.Single(PostalPlaceParser.FindAll(line));

        Assert.Equal((postal, city, country), (place.PostalCode, place.City, place.Country));
    }

    [Theory]
    [InlineData("Nakládka | Bratislava | 821 04 | 27.05.2027 | 8:00", "821 04", "Bratislava", "SK")]
    [InlineData("Товарене: Тракия Пак ЕООД, гр. Пловдив 4000, бул. Марица 154, 27.05.2027 г.", "4000", "Пловдив", null)]
    [InlineData("Punct de încărcare: Calea Aradului 12, Timișoara, jud. Timiș, cod poștal 300011", "300011", "Timișoara", "RO")]
    public void FindAll_TownBeforeItsCodeInACellAfterAnAbbreviationOrBeforeTheCodesName_IsRead(string line, string postal, string city, string? country)
    {
        // A table row's cells; "гр." (town) before the town; "cod poștal" naming the code after a county ("jud. Timiș").
        var place = Assert.Single(PostalPlaceParser.FindAll(line));

        Assert.Equal((postal, city, country), (place.PostalCode, place.City, place.Country));
    }

    [Fact]
    public void FindAll_CodeThenTownWithoutAbbreviation_NeedsNoConfirmation()
        => Assert.False(Assert.Single(PostalPlaceParser.FindAll("Zustellung: 80331 München")).NeedsConfirmation);

    [Fact]
    public void FindAll_YearAfterItsMonth_IsNoCode()
        => Assert.Empty(PostalPlaceParser.FindAll("Vykládka: 21. decembra 2026, Magna Steyr"));

    [Fact]
    public void FindAll_CodesInBracketsBesideAnotherPlace_ReadsBoth()
    {
        var places = PostalPlaceParser.FindAll("přepravu 22 palet z Ostravy (702 00) do Vídně (1100 Wien), nakládka 29. 3. 2027");

        Assert.Equal(["702 00", "1100"], places.Select(p => p.PostalCode));
        Assert.Equal(["Ostravy", "Wien"], places.Select(p => p.City));
    }

    [Theory]
    [InlineData("Dieselstraße 9, DE-85386 Eching", "85386", "Eching", "DE")]
    [InlineData("ul. Ostrobramska 101, PL-04-041 Warszawa", "04-041", "Warszawa", "PL")]
    [InlineData("PL 62-080 Tarnowo Podgórne", "62-080", "Tarnowo Podgórne", "PL")]
    [InlineData("Vídeňská 297/99, 619 00 Brno, Czech Republic", "619 00", "Brno", "CZ")]
    [InlineData("Priemyselná 6, 917 01 Trnava", "917 01", "Trnava", "SK")]
    [InlineData("Unit 4 Canal Park, Telford TF7 4QT", "TF7 4QT", "Telford", "GB")]
    [InlineData("Celsiusweg 22, 5928 PR Venlo, Nederland", "5928 PR", "Venlo", "NL")]
    [InlineData("Gewerbepark 7, A-2100 Korneuburg, Rakousko", "2100", "Korneuburg", "AT")]
    [InlineData("Str. Morii 7, 500001 Brașov", "500001", "Brașov", "RO")]
    [InlineData("Savanorių pr. 1, LT-51329 Kaunas", "51329", "Kaunas", "LT")]
    [InlineData("Rua Nova 5, 4470-123 Maia", "4470-123", "Maia", "PT")]
    [InlineData("Hamerska 45, 779 00 Olomouc, Чехия", "779 00", "Olomouc", "CZ")]
    [InlineData("Via Roma 1 - 31010 Mareno di Piave (TV)", "31010", "Mareno di Piave", null)]
    [InlineData("Delivery: Mladá Boleslav, 293 01, Czech Republic", "293 01", "Mladá Boleslav", "CZ")]
    [InlineData("Kilmore Road, Tullamore, Co. Offaly R35 X5K3", "R35 X5K3", "Tullamore", "IE")]
    [InlineData("12 avenue des Tilleuls, Villefranche (69400), France", "69400", "Villefranche", "FR")]
    [InlineData("Rruga Industriale 14, AL-2001 Durrës", "2001", "Durrës", "AL")]
    [InlineData("Hoyvíksvegur 51, FO-100 Tórshavn", "100", "Tórshavn", "FO")]
    [InlineData("Borgartún 26, IS-105 Reykjavík", "105", "Reykjavík", "IS")]
    [InlineData("Mjesto utovara: Podgorica 81000, Cetinjski put bb, Crna Gora", "81000", "Podgorica", "ME")]
    [InlineData("Triq il-Fabbrika 5, Birkirkara BKR 3000, Malta", "BKR 3000", "Birkirkara", "MT")]
    [InlineData("Greenhills Road, Dublin 12, D12 K2W4, Ireland", "D12 K2W4", "Dublin", "IE")]
    [InlineData("Delivery: Dublin 12 (D12 YX47), Thursday 18/03 AM", "D12 YX47", "Dublin", "IE")]
    [InlineData("Delivery: D12 YX47 Dublin", "D12 YX47", "Dublin", "IE")]
    [InlineData("Laadplaats: Haven 1025, B-2030 Antwerpen — ma 22/03 vanaf 6u", "2030", "Antwerpen", "BE")]
    [InlineData("Sótt: Hafnarbakki ehf., Sundagarðar 2, 104 Reykjavík, 5. janúar 2027", "104", "Reykjavík", "IS")]
    [InlineData("Afhent: Hjalteyrargata 6, 600 Akureyri", "600", "Akureyri", "IS")]
    [InlineData("Collection: 07/01/2027, B24 9QR Birmingham, GB", "B24 9QR", "Birmingham", "GB")]
    [InlineData("Vykládka: 21. decembra 2026, Magna Steyr, Liebenauer Hauptstraße 317, 8041 Graz", "8041", "Graz", null)]
    [InlineData("Încărcare: 20 ianuarie 2027, SC Mobila Nord SRL, Str. Fabricii 3, Baia Mare 430071, jud. Maramureș", "430071", "Baia Mare", "RO")]
    public void FindAll_AddressLine_ReadsNationalFormCityAndCountry(string line, string postal, string city, string? country)
    {
        var place = Assert.Single(PostalPlaceParser.FindAll(line));
        Assert.Equal(postal, place.PostalCode);
        Assert.Equal(city, place.City);
        Assert.Equal(country, place.Country);
    }

    [Theory]
    [InlineData("Lager 3,\tD-93047\tRegensburg", "93047", "Regensburg")]
    [InlineData("Ziel: 93047,Regensburg", "93047", "Regensburg")]
    [InlineData("Celsiusweg 22, 5928PR, Venlo", "5928PR", "Venlo")]
    [InlineData("Mladá Boleslav,\t293 01", "293 01", "Mladá Boleslav")]
    [InlineData("Lieferung 12345 Łódź", "12345", "Łódź")]
    public void FindAll_CodeAndCityJoinedByTabsOrCommas_StillFound(string line, string postal, string city)
    {
        var place = Assert.Single(PostalPlaceParser.FindAll(line));
        Assert.Equal(postal, place.PostalCode);
        Assert.Equal(city, place.City);
    }

    [Fact]
    public void FindAll_ItalianProvinceAfterCity_IsFlagged() =>
        Assert.True(PostalPlaceParser.FindAll("Via Roma 1 - 31010 Mareno di Piave (TV)")[0].ItalianProvince);

    [Fact]
    public void FindAll_YearOfADateWithSpacedDots_IsNoPostalCode()
    {
        // "26. 1. 2027, Getränke Steiner GmbH" is no place "2027 Getränke"; the address after it is.
        var place = Assert.Single(PostalPlaceParser.FindAll("Razkladanje: 26. 1. 2027, Getränke Steiner GmbH, Puchstraße 120, 8020 Graz, Avstrija"));
        Assert.Equal("8020", place.PostalCode);
    }

    [Theory]
    [InlineData("24.000 kg, 1450 EUR netto")]
    [InlineData("Tel. +49 421 5209 314 | Fax +49 421 5209 399")]
    [InlineData("UN 1263 FARBE, Klasse 3")]
    [InlineData("Průmyslová 1580")]
    public void FindAll_NumbersThatAreNotPostalCodes_FindNothing(string line) =>
        Assert.Empty(PostalPlaceParser.FindAll(line));

    [Theory]
    [InlineData("Ladung: 120 Paletten, 5 t")]
    [InlineData("Lager: Hafenstraße 1, 120 Berlin")]
    [InlineData("Bitte 300 Kartons Hamburg zustellen")]
    public void FindAll_ThreeDigitNumberBeforeAWord_PlaceOnlyInIcelandOrFaroe(string line) =>
        // Three bare digits are a code in Iceland and the Faroe Islands only; elsewhere they are counts and house numbers.
        Assert.Empty(PostalPlaceParser.FindAll(line));
}
