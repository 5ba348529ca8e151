using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>A negation word of the language files earlier in the dangerous word's clause, from own example lines.</summary>
public sealed class AdrClauseNegationTests
{
    [Theory]
    [InlineData("Lasting mandag. Ingen av pallene er farlig gods, alt er vanlige byggevarer.")]
    [InlineData("Lastning i Borås. Inget av godset är farligt gods.")]
    [InlineData("Abholung ab 7 Uhr. Kein Artikel ist Gefahrgut.")]
    [InlineData("Pickup Monday.\nNo part is hazardous")]
    public void Read_NegationWordEarlierInTheClause_NotDangerous(string text)
    {
        var found = AdrReader.Read(FieldBlock.Create(text, 0, text.Length));

        Assert.NotNull(found);
        Assert.False(found.Value.Value);
    }

    [Theory]
    [InlineData("Ingen heis nødvendig, ADR-utstyr påkrevd.")] // the comma ends the negated clause
    [InlineData("Ingen problem at vi sender resten som farlig gods.")] // too far from the negation
    [InlineData("Kein Problem.\nGefahrgut Klasse 3 nach Absprache.")]
    public void Read_NegationOutsideTheClauseOrOutOfReach_DangerousGoodsStillRead(string text)
    {
        var found = AdrReader.Read(FieldBlock.Create(text, 0, text.Length));

        Assert.NotNull(found);
        Assert.True(found.Value.Value);
    }

    [Fact]
    public void Read_ClauseNegation_SpanFromNegationToDangerousWord()
    {
        const string text = "Lasting mandag. Ingen av pallene er farlig gods.";

        var found = AdrReader.Read(FieldBlock.Create(text, 0, text.Length));

        Assert.NotNull(found);
        Assert.Equal("Ingen av pallene er farlig gods", text.Substring(found.Value.Span.Start, found.Value.Span.Length));
    }
}
