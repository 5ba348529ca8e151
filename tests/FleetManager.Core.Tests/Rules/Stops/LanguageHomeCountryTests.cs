using FleetManager.Core.Model;
using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Stops;

/// <summary>The home country of a mail's language settling a postal code whose shape several countries share; own examples.</summary>
public sealed class LanguageHomeCountryTests
{
    [Theory]
    [InlineData("el", 5, "GR")]
    [InlineData("sv", 5, "SE")]
    [InlineData("tr", 5, "TR")]
    [InlineData("da", 4, "DK")]
    [InlineData("lv", 4, "LV")]
    [InlineData("sr-Cyrl", 5, "RS")]
    [InlineData("uk", 5, "UA")]
    public void For_LanguageWhoseCountryWritesThatManyDigits_GivesTheCountry(string language, int digits, string expected)
    {
        Assert.Equal(expected, LanguageHomeCountry.For(language, digits));
    }

    [Theory]
    [InlineData("el", 4)]
    [InlineData("da", 5)]
    [InlineData("en", 5)]
    [InlineData(null, 5)]
    public void For_DigitsTheHomeCountryNeverWrites_GivesNothing(string? language, int digits)
    {
        Assert.Null(LanguageHomeCountry.For(language, digits));
    }

    [Fact]
    public void Extract_GreekMailWithCzechShapedCodeOfAnUnknownVillage_IsGreek()
    {
        var stops = RulesTestDocuments.Stops("""
            Καλησπέρα,

            Φόρτωση: Τρίτη 9 Μαρτίου, 07:00
            ΕΛΑΙΟΥΡΓΙΑ ΠΕΛΕΚΑΝΟΣ Α.Ε., Επαρχιακή Οδός 4, 611 50 Κάτω Ζερβοχώρι

            Εκφόρτωση: Πέμπτη 11 Μαρτίου
            Olivenhaus GmbH, Hafenstraße 8, 28197 Bremen, Γερμανία

            Ευχαριστώ
            """);

        Assert.Equal("611 50", stops[0].PostalCode);
        Assert.Equal("GR", stops[0].Country);
        Assert.Equal("DE", stops[1].Country);
    }

    [Fact]
    public void Extract_CzechMailWithCzechCode_StaysCzech()
    {
        var stops = RulesTestDocuments.Stops("""
            Dobrý den,

            Nakládka: 9. 3., 07:00, Pila Horní Lhotka s.r.o., Lesní 4, 592 14 Nové Veselí
            Vykládka: 11. 3., Holzbau GmbH, Ringstraße 2, 4020 Linz, Rakousko

            Děkuji
            """);

        Assert.Equal(StopType.Loading, stops[0].Type);
        Assert.Equal("CZ", stops[0].Country);
    }
}
