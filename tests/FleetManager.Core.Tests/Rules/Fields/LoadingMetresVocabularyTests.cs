using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Loading metres written with the floor-metre words of the language files, from own example lines.</summary>
public sealed class LoadingMetresVocabularyTests
{
    [Theory]
    [InlineData("Chargement complet : 14 palettes, 8,5 mètres linéaires, 11 t.", 8.5)]
    [InlineData("Potrebno je 11,4 utovarnih metara, cerada.", 11.4)]
    [InlineData("Kuorma vie noin 6,8 lavametriä ja painaa 9 t.", 6.8)]
    [InlineData("Утоварни метри: 7,2\nТежина: 9.000 кг", 7.2)]
    [InlineData("Vrachtwagen met 13,6 laadmeter, 24 pallets", 13.6)]
    public void LoadingMeters_NumberBeforeAFileUnitWordOrAfterItsLabel_ReadsTheMetres(string text, double expected)
    {
        var found = QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length));

        Assert.Equal((decimal)expected, found?.Value);
    }

    [Theory]
    [InlineData("Lager 120 lavametriä")] // three digits: no trailer is that long
    [InlineData("Referenz KX-4,5 lavametriä")] // the number is part of a code
    [InlineData("Wir brauchen lavametriä")]
    public void LoadingMeters_NoShortNumberRightBeforeTheUnit_FindsNothing(string text) =>
        Assert.Null(QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length)));

    [Fact]
    public void LoadingMeters_FoldingChangesTheLength_SpanStillCoversNumberAndUnit()
    {
        // "ß" folds to "ss": positions in the folded block are mapped back to the text.
        const string text = "Abholung Große Straße 4, 12,5 lavametriä";

        var found = QuantityReader.LoadingMeters(FieldBlock.Create(text, 0, text.Length));

        Assert.NotNull(found);
        Assert.Equal("12,5 lavametriä", text.Substring(found.Value.Span.Start, found.Value.Span.Length));
    }
}
