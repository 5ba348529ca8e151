using FleetManager.Core.Pipeline;
using FleetManager.Google.Sheets;
using FleetManager.Google.Tests.Support;

namespace FleetManager.Google.Tests.Sheets;

public sealed class SheetsOrderRowTests
{
    [Fact]
    public void Values_ExportedOrder_OneCellPerHeaderColumnKeyFirst()
    {
        var values = SheetsOrderRow.Values(new OutboxEntry(1, "sheets", OrderPayloads.KeyOf(7), OrderPayloads.Order(7)));

        Assert.Equal(SheetsOrderRow.Header.Count, values.Length);
        Assert.Equal(OrderPayloads.KeyOf(7), values[0]);
        Assert.Equal(7m, Cell(values, "order_id"));
        Assert.Equal("Eching", Cell(values, "loading_city"));
        Assert.Equal("Warszawa", Cell(values, "unloading_city"));
        Assert.Equal(22500m, Cell(values, "weight_kg"));
        Assert.Equal(false, Cell(values, "adr"));
        Assert.Equal(2, Cell(values, "stop_count"));
        Assert.Equal("EUR", Cell(values, "price_currency"));
        Assert.Null(Cell(values, "unloading_date"));
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("+49 30 123")]
    [InlineData("-minus")]
    [InlineData("@SUM(A1)")]
    [InlineData("Spedition =GmbH")]
    public void Values_FormulaLikeText_KeptAsWrittenBecauseRawNeverParsesIt(string customer)
    {
        var values = SheetsOrderRow.Values(new OutboxEntry(1, "sheets", "k#0", OrderPayloads.Order(1, customer: customer)));

        Assert.Equal(customer, Cell(values, "customer"));
    }

    [Theory]
    [InlineData("'=m@x#0", "=m@x#0")]
    [InlineData("'+m@x#0", "+m@x#0")]
    [InlineData("<m@x>#0", "<m@x>#0")]
    [InlineData("'plain#0", "'plain#0")]
    public void UnguardedKey_KeyWrittenByAGuardingVersion_RecognisedAsTheKey(string cell, string key) =>
        Assert.Equal(key, SheetsOrderRow.UnguardedKey(cell));

    [Fact]
    public void Values_NotAnObject_Throws() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SheetsOrderRow.Values(new OutboxEntry(1, "sheets", "k#0", "[1,2]")));

    private static object? Cell(object?[] values, string column) => values[SheetsOrderRow.Header.ToList().IndexOf(column)];
}
