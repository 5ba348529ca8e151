using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Tests.Corrections;

public sealed class OrderFieldEditorTests
{
    [Theory]
    [InlineData("weight_kg", "12345.5", "12345.5")]
    [InlineData("pallets", "33", "33")]
    [InlineData("price.amount", "1420", "1420")]
    [InlineData("stops[1].date", "2026-12-09", "2026-12-09")]
    [InlineData("stops[0].country", "at", "AT")]
    [InlineData("request_type", "quote_request", "quote_request")]
    [InlineData("customer", "  Nowak Logistics  ", "Nowak Logistics")]
    [InlineData("contact.email", "", null)]
    public void TrySet_AWellFormedValue_IsReadBackAsStored(string field, string value, string? expected)
    {
        Assert.True(OrderFieldEditor.TrySet(SampleOrders.Order(), field, value, out var updated, out var error), error);
        Assert.Equal(expected, OrderFieldEditor.Read(updated, field));
    }

    [Theory]
    [InlineData("weight_kg", "heavy", "number")]
    [InlineData("stops[0].date", "3 December", "YYYY-MM-DD")]
    [InlineData("stops[0].country", "Germany", "two-letter")]
    [InlineData("stops[7].city", "Lodz", "not a field")]
    [InlineData("order_json", "{}", "not a field")]
    public void TrySet_AMalformedValueOrUnknownField_SaysWhatIsExpectedAndChangesNothing(string field, string value, string expected)
    {
        var order = SampleOrders.Order();

        Assert.False(OrderFieldEditor.TrySet(order, field, value, out var updated, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Same(order, updated);
    }

    [Fact]
    public void FieldsOf_AnOrderWithTwoStops_ListsOrderFieldsThenEachStopsFields()
    {
        var fields = OrderFieldEditor.FieldsOf(SampleOrders.Order()).ToList();

        Assert.Equal(OrderFieldEditor.OrderFields.Count + (2 * OrderFieldEditor.StopFields.Count), fields.Count);
        Assert.Contains("stops[1].city", fields);
    }
}
