using System.Text.Json;
using FleetManager.Core.Model;
using FleetManager.Llm.Tests.Support;

namespace FleetManager.Llm.Tests;

/// <summary>A model answer is untrusted input: bounded numbers and counts, clean text of bounded length.</summary>
public sealed class ModelAnswerLimitsTests
{
    private static string OrderWith(string fields, string stops = """[{"type":"loading","city":"Eching"}]""") =>
        $$"""{"classification":"order","orders":[{"request_type":"booking","stops":{{stops}}{{(fields.Length > 0 ? "," + fields : "")}}}]}""";

    [Theory]
    [InlineData("\"weight_kg\":1e30", "orders[0].weight_kg")]
    [InlineData("\"weight_kg\":\"99999999 t\"", "orders[0].weight_kg")]
    [InlineData("\"pallets\":1e20", "orders[0].pallets")]
    [InlineData("\"loading_meters\":-3", "orders[0].loading_meters")]
    [InlineData("\"temperature_min_c\":-500", "orders[0].temperature_min_c")]
    [InlineData("\"price\":{\"amount\":1e300,\"currency\":\"EUR\"}", "orders[0].price.amount")]
    public void Problems_NumberOutOfRange_NamesTheFieldAndTheRange(string fields, string path)
    {
        using var answer = JsonDocument.Parse(OrderWith(fields));

        var problem = Assert.Single(ModelAnswerNormaliser.Problems(answer.RootElement));

        Assert.StartsWith(path, problem, StringComparison.Ordinal);
        Assert.Contains("out of range", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_TooManyOrdersOrStops_NamesTheLimit()
    {
        var stops = "[" + string.Join(",", Enumerable.Repeat("""{"type":"loading","city":"Eching"}""", ModelAnswerLimits.MaxStops + 1)) + "]";
        var orders = string.Join(",", Enumerable.Repeat("""{"request_type":"booking","stops":[]}""", ModelAnswerLimits.MaxOrders + 1));
        using var manyStops = JsonDocument.Parse(OrderWith("", stops));
        using var manyOrders = JsonDocument.Parse($$"""{"classification":"order","orders":[{{orders}}]}""");

        Assert.Contains($"more than the {ModelAnswerLimits.MaxStops} allowed per order", Assert.Single(ModelAnswerNormaliser.Problems(manyStops.RootElement)), StringComparison.Ordinal);
        Assert.Contains($"more than the {ModelAnswerLimits.MaxOrders} allowed per message", Assert.Single(ModelAnswerNormaliser.Problems(manyOrders.RootElement)), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_OrdinaryOrder_None()
    {
        using var answer = JsonDocument.Parse(OrderWith("\"weight_kg\":\"24 t\",\"pallets\":33,\"loading_meters\":13.6,\"temperature_min_c\":-18,\"price\":{\"amount\":1450,\"currency\":\"EUR\"}"));

        Assert.Empty(ModelAnswerNormaliser.Problems(answer.RootElement));
    }

    [Fact]
    public void Normalise_OutOfRangeNumbers_NeverThrowAndStayOutOfTheResult()
    {
        using var answer = JsonDocument.Parse(OrderWith("\"weight_kg\":1e30,\"pallets\":1e20,\"price\":{\"amount\":1e300,\"currency\":\"EUR\"}"));

        var order = Assert.Single(ModelAnswerNormaliser.Normalise(answer.RootElement, TestEmails.Order(), new DateOnly(2026, 12, 28)).Orders);

        Assert.Null(order.WeightKg);
        Assert.Null(order.Pallets);
        Assert.Null(order.Price);
    }

    [Fact]
    public void Normalise_EscapeSequencesAndBidiOverrides_Removed()
    {
        var hostile = "ACME\u001b]0;pwned\u0007 GmbH\u001b[2J\u009b31m\u202Egnp.exe\r\nnext";
        using var answer = JsonDocument.Parse(OrderWith("\"customer\":" + JsonSerializer.Serialize(hostile)));

        var customer = Assert.Single(ModelAnswerNormaliser.Normalise(answer.RootElement, TestEmails.Order(), new DateOnly(2026, 12, 28)).Orders).Customer!;

        Assert.Equal("ACME]0;pwned GmbH[2J31mgnp.exe  next", customer);
        Assert.DoesNotContain(customer, c => char.IsControl(c));
    }

    [Fact]
    public void Normalise_OverlongText_CutToTheLimit()
    {
        using var answer = JsonDocument.Parse(OrderWith($"\"customer\":\"{new string('x', 10_000)}\",\"cargo_description\":\"{new string('y', 10_000)}\""));

        var order = Assert.Single(ModelAnswerNormaliser.Normalise(answer.RootElement, TestEmails.Order(), new DateOnly(2026, 12, 28)).Orders);

        Assert.Equal(ModelAnswerLimits.MaxTextLength, order.Customer!.Length);
        Assert.Equal(ModelAnswerLimits.MaxLongTextLength, order.CargoDescription!.Length);
    }

    [Fact]
    public void Clean_SurrogatePairAtTheLimit_NotSplit()
    {
        Assert.Equal("ab", ModelAnswerNormaliser.Clean("ab\U0001F69A", 3));
        Assert.Equal("ab\U0001F69A", ModelAnswerNormaliser.Clean("ab\U0001F69A", 4));
    }
}
