using System.Text.Json;
using FleetManager.Core.Model;

namespace FleetManager.Llm.Tests;

public sealed class ModelAnswerNormaliserTests
{
    private static readonly DateOnly MailOf28December = new(2026, 12, 28);

    [Theory]
    [InlineData("DE-80331", "80331", "DE")]
    [InlineData("PL 02-672", "02-672", "PL")]
    [InlineData("LT-51329", "51329", "LT")]
    [InlineData("D-85386", "85386", "DE")]
    [InlineData("619 00", "619 00", null)]
    [InlineData("TF7 4QT", "TF7 4QT", null)]
    [InlineData("NN11 8QL", "NN11 8QL", null)]
    public void PostalCode_StripsTheCountryPrefix(string written, string code, string? country)
    {
        Assert.Equal((code, country), ModelAnswerNormaliser.PostalCode(written));
    }

    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("Deutschland", "DE")]
    [InlineData("UK", "GB")]
    [InlineData("България", "BG")]
    [InlineData("Narnia", null)]
    public void Country_ToIso2(string written, string? iso)
    {
        Assert.Equal(iso, ModelAnswerNormaliser.Country(written));
    }

    [Theory]
    [InlineData("2027-01-03", "2027-01-03")]
    [InlineData("03.01.", "2027-01-03")]
    [InlineData("22.12.", "2026-12-22")]
    [InlineData("3 January", "2027-01-03")]
    [InlineData("KW 49", null)]
    public void Date_CompletesTheYearFromTheDateHeader(string written, string? iso)
    {
        Assert.Equal(iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), ModelAnswerNormaliser.Date(written, MailOf28December));
    }

    [Theory]
    [InlineData("08:00", true, "08:00")]
    [InlineData("8:00", true, "08:00")]
    [InlineData("14.30", false, "14:30")]
    public void Time_ToHourMinute(string written, bool from, string expected)
    {
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ModelAnswerNormaliser.Time(written, from));
    }

    [Theory]
    [InlineData("\"24 t\"", 24000)]
    [InlineData("\"24.000 kg\"", 24000)]
    [InlineData("\"22,5 t\"", 22500)]
    [InlineData("11400", 11400)]
    [InlineData("\"ca. 9.600 kg\"", 9600)]
    public void Normalise_WeightWithUnits_InKilograms(string weight, int kg)
    {
        var result = Normalise($$"""{"classification":"order","orders":[{"weight_kg":{{weight}},"stops":[]}]}""");

        Assert.Equal(kg, Assert.Single(result.Orders).WeightKg);
    }

    [Fact]
    public void Normalise_NotAnOrder_DropsOrders()
    {
        var result = Normalise("""{"classification":"invoice","orders":[{"weight_kg":100}]}""");

        Assert.Equal(Classification.Invoice, result.Classification);
        Assert.Empty(result.Orders);
    }

    [Fact]
    public void Normalise_PriceWithoutAmount_IsNull_AndCurrencySymbolsBecomeIso()
    {
        var result = Normalise("""{"classification":"order","orders":[{"price":{"amount":null,"currency":"EUR"}},{"price":{"amount":"1.450,00","currency":"zł"}}]}""");

        Assert.Null(result.Orders[0].Price);
        Assert.Equal(new Price(1450m, "PLN"), result.Orders[1].Price);
    }

    [Fact]
    public void Normalise_VehicleWordOutsideTheVocabulary_ReadByTheRulesVocabulary()
    {
        var result = Normalise("""{"classification":"order","orders":[{"vehicle_type":"Kühlkoffer"}]}""");

        Assert.Equal(VehicleType.Reefer, Assert.Single(result.Orders).VehicleType);
    }

    private static EmailResult Normalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        var email = new Email { MessageId = "<m@x>", Date = new DateTimeOffset(2026, 12, 28, 10, 0, 0, TimeSpan.Zero) };
        return ModelAnswerNormaliser.Normalise(document.RootElement, email, MailOf28December);
    }
}
