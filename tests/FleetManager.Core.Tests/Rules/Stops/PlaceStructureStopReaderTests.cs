using FleetManager.Core.Model;
using FleetManager.Core.Tests.Rules;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Stops;

/// <summary>
/// The language-independent backbone, through <see cref="FleetManager.Core.Rules.StopExtractor"/>:
/// messages whose stop labels are in no vocabulary (Icelandic, Maltese, Irish) still give their stops.
/// </summary>
public sealed class PlaceStructureStopReaderTests
{
    [Fact]
    public void Extract_LabelsInNoVocabulary_FirstPlaceLoadsLastPlaceUnloadsWithNearbyDates()
    {
        var stops = RulesTestDocuments.Stops("""
            Góðan dag,

            Hleðslustaður: 12.01.2027 kl. 08:00-11:00
            Fiskvinnslan Bára ehf, Strandkaien 3, 4005 Stavanger

            Áfangastaður: 14.01.2027
            Vöruhús Norðurs ehf, Kjøpmannsgata 2, 7013 Trondheim

            Farmur: 12 bretti, 8.400 kg
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal((StopType.Loading, "4005", "Stavanger", "NO"), (stops[0].Type, stops[0].PostalCode, stops[0].City, stops[0].Country));
        Assert.Equal(new DateOnly(2027, 1, 12), stops[0].Date);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(11, 0)), (stops[0].TimeFrom, stops[0].TimeTo));
        Assert.Equal((StopType.Unloading, "7013", "Trondheim", "NO"), (stops[1].Type, stops[1].PostalCode, stops[1].City, stops[1].Country));
        Assert.Equal(new DateOnly(2027, 1, 14), stops[1].Date);
    }

    [Fact]
    public void Extract_AddressesOnlyOnLinesWhoseLabelsNoVocabularyKnows_TakesThem()
    {
        // Scottish Gaelic: every address is on a label line, and no file knows the labels.
        var stops = RulesTestDocuments.Stops("""
            Luchdachadh: 2026/12/14, Altzairu Lantegia S.A., Ibarrekolanda 5, 48015 Bilbao
            Falmhachadh: 2026/12/15, Métaux Aquitaine SAS, 33 quai de Brazza, 33100 Bordeaux
            Bathar: coilichean stàilinn, 24.000 kg
            """);

        Assert.Equal([("48015", "Bilbao"), ("33100", "Bordeaux")], stops.Select(s => (s.PostalCode, s.City)));
        Assert.Equal([StopType.Loading, StopType.Unloading], stops.Select(s => s.Type));
    }

    [Fact]
    public void Extract_BillingLabelAmongUnknownLabels_IsNeverAStop()
    {
        var stops = RulesTestDocuments.Stops("""
            Rechnungsadresse: Muster GmbH, Dieselstraße 9, 85386 Eching
            Luchdachadh: 2026/12/14, Ibarrekolanda 5, 48015 Bilbao
            Falmhachadh: 2026/12/15, 33 quai de Brazza, 33100 Bordeaux
            """);

        Assert.Equal(["Bilbao", "Bordeaux"], stops.Select(s => s.City));
    }

    [Fact]
    public void Extract_CodeBeforeWordThatIsNoPlace_NotAStop()
    {
        var stops = RulesTestDocuments.Stops("""
            Tagħbija 03.02.2027: 93047 Regensburg
            Ħatt 04.02.2027: 90409 Nürnberg
            Ħlas wara 2000 Kaxxi
            """);

        Assert.DoesNotContain(stops, s => s.City == "Kaxxi");
        Assert.Equal("Regensburg", stops[0].City);
        Assert.Equal("Nürnberg", stops[^1].City);
        Assert.Equal(new DateOnly(2027, 2, 4), stops[^1].Date);
    }

    [Theory]
    [InlineData("com descarga no mesmo dia até às 17h00 em 36210 Vigo, Espanha.")]
    [InlineData("Entladung am selben Tag bis 17:00 in 36210 Vigo, Spanien.")]
    public void Extract_UnloadingOnTheSameDay_TakesTheLoadingDate(string unloading)
    {
        var stops = RulesTestDocuments.Stops("Carga na terça-feira, 9 de fevereiro de 2027, às 9h00, em 4705-025 Braga,\n" + unloading);

        Assert.Equal([new DateOnly(2027, 2, 9), new DateOnly(2027, 2, 9)], stops.Select(s => s.Date));
    }

    [Fact]
    public void Extract_UnloadingWithoutADayOrSameDay_KeepsNoDate()
    {
        var stops = RulesTestDocuments.Stops("Carga na terça-feira, 9 de fevereiro de 2027, às 9h00, em 4705-025 Braga,\ncom descarga até às 17h00 em 36210 Vigo, Espanha.");

        Assert.Equal([new DateOnly(2027, 2, 9), (DateOnly?)null], stops.Select(s => s.Date));
    }

    [Fact]
    public void Extract_PlaceNextToPhoneAndEmailAtTheEnd_IsTheSignatureNotTheUnloading()
    {
        var stops = RulesTestDocuments.Stops("""
            Lódáil Dé Máirt 09.02.2027, 33-100 Tarnów
            Seachadadh 10.02.2027, 31-864 Kraków

            Seán Ó Briain
            Iompar Teo, 1 Sráid Mhór, 40-001 Katowice
            +353 86 123 4567 | sean@iompar.example
            """);

        Assert.Equal(["Tarnów", "Kraków"], stops.Select(s => s.City));
        Assert.Equal([new DateOnly(2027, 2, 9), new DateOnly(2027, 2, 10)], stops.Select(s => s.Date));
    }

    [Fact]
    public void Extract_BothStopsInOneProseLine_EachTakesTheDateBeforeIt()
    {
        var stops = RulesTestDocuments.Stops(
            "Yarn 18.02.2027 sabah 48200 Milas'tan alınıp 19.02.2027 10:00'a kadar 35410 Gaziemir adresine teslim.");

        Assert.Equal(2, stops.Count);
        Assert.Equal(("48200", "Milas"), (stops[0].PostalCode, stops[0].City));
        Assert.Equal(new DateOnly(2027, 2, 18), stops[0].Date);
        Assert.Equal("35410", stops[1].PostalCode);
        Assert.Equal(new DateOnly(2027, 2, 19), stops[1].Date);
    }

    [Fact]
    public void Extract_GreekCityAfterCodeOfCzechShape_CountryFromTheGazetteer()
    {
        var stops = RulesTestDocuments.Stops("""
            Παραλαβή 02.03.2027: Οδός Εγνατίας 10, 546 30 Θεσσαλονίκη
            Παράδοση 04.03.2027: ul. Vardar 3, 1000 Skopje
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("546 30", "GR"), (stops[0].PostalCode, stops[0].Country));
        Assert.Equal("MK", stops[1].Country);
    }

    [Fact]
    public void Extract_BritishCountyBeforePostcodeAndIrishEircode_TownsAndCountries()
    {
        var stops = RulesTestDocuments.Stops("""
            COLLECTION - 02.03.2027
            Unit 9, Hortonwood, Telford, Shropshire TF1 7YN

            DELIVERY - 04.03.2027
            Kilmore Road, Tullamore, Co. Offaly R35 X5K3
            """);

        Assert.Equal(2, stops.Count);
        Assert.Equal(("Telford", "GB"), (stops[0].City, stops[0].Country));
        Assert.Equal(("R35 X5K3", "Tullamore", "IE"), (stops[1].PostalCode, stops[1].City, stops[1].Country));
    }
}
