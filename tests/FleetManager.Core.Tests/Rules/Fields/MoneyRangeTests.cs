using FleetManager.Core.Model;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>
/// The money readers scan a range of a document (one line of a block): the character before the range still
/// decides where an amount may start, and the span found points into the whole document.
/// </summary>
public sealed class MoneyRangeTests
{
    private const string Document = "Auftrag 4711\nGewicht 12.000 kg\nFrachtpreis: 1.450 EUR netto\nPris: 7 400 kronor exkl. moms\n";

    [Fact]
    public void FirstMoney_RangeOfALaterLine_SpanPointsIntoTheDocument()
    {
        var start = Document.IndexOf("Frachtpreis", StringComparison.Ordinal);
        var end = Document.IndexOf('\n', start);

        var found = PriceReader.FirstMoney(Document, start, end);

        Assert.NotNull(found);
        Assert.Equal(new Price(1450, "EUR"), found.Value.Price);
        Assert.Equal("1.450 EUR", Document.Substring(found.Value.Span.Start, found.Value.Span.Length));
    }

    [Fact]
    public void FirstMoney_RangeStartingInsideAnAmount_DoesNotReadItsTail()
    {
        // "450 EUR" inside "1.450 EUR": the '.' before the range still forbids an amount to start there.
        var start = Document.IndexOf("450 EUR", StringComparison.Ordinal);
        var end = Document.IndexOf('\n', start);

        Assert.Null(PriceReader.FirstMoney(Document, start, end));
    }

    [Fact]
    public void LocalFirstMoney_RangeOfALaterLine_SpanPointsIntoTheDocument()
    {
        var start = Document.IndexOf("Pris", StringComparison.Ordinal);
        var end = Document.IndexOf('\n', start);

        var found = LocalCurrency.FirstMoney(Document, start, end);

        Assert.NotNull(found);
        Assert.Equal(7400, found.Value.Price.Amount);
        Assert.Equal("7 400 kronor", Document.Substring(found.Value.Span.Start, found.Value.Span.Length));
    }

    [Fact]
    public void LocalFirstMoney_RangeStartingInsideAnAmount_DoesNotReadItsTail()
    {
        // "00 kronor" inside "7 400 kronor": a digit before the range forbids an amount to start there.
        var start = Document.IndexOf("00 kronor", StringComparison.Ordinal);
        var end = Document.IndexOf('\n', start);

        Assert.Null(LocalCurrency.FirstMoney(Document, start, end));
    }

    [Theory]
    [InlineData(" zł. ", "PLN")]
    [InlineData("EUR.", "EUR")]
    [InlineData("Kč", "CZK")]
    [InlineData("лв.", "BGN")]
    [InlineData("a token far longer than any currency word", null)]
    [InlineData("", null)]
    public void ToIso_SymbolOrWordAsWritten_GivesIsoCode(string token, string? iso) =>
        Assert.Equal(iso, CurrencyVocabulary.ToIso(token));
}
