using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Loading metres an exchange alert writes bare beside the trailer word, from own example lines.</summary>
public sealed class BareLoadingMetresTests
{
    [Theory]
    [InlineData("Plachta 7,2 | 9 t | 18 palet | 1 100 EUR", 7.2)]
    [InlineData("Lona 10,4 | 14 t | 24 paletes", 10.4)]
    [InlineData("Tautliner 6,8\nWeight: 8 t", 6.8)]
    [InlineData("Chłodnia 12,4; 20 t; 30 palet", 12.4)]
    public void LoadingMeters_DecimalRightAfterAVehicleWordEndingItsCell_ReadsTheMetres(string text, double expected)
    {
        var found = QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length));

        Assert.Equal((decimal)expected, found?.Value);
    }

    [Theory]
    [InlineData("Tautliner 13,6 m | 24 t")] // a trailer's length
    [InlineData("Frigo 21,5 t | 33 pallets")] // a weight
    [InlineData("Reference 7,2 | 9 t")] // no vehicle before the number
    [InlineData("Plachta 24,5 | 9 t")] // longer than any trailer
    public void LoadingMeters_DecimalThatIsNoBareMetres_FindsNothing(string text) =>
        Assert.Null(QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length)));

    [Fact]
    public void LoadingMeters_UnitWrittenElsewhere_KeepsTheUnitValue()
    {
        const string text = "Plachta 7,2 | 9 t\nLoading metres: 8,4";

        Assert.Equal(8.4m, QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length))?.Value);
    }
}
