namespace FleetManager.Storage.Corrections;

/// <summary>The stored and displayed names of <see cref="OrderStatus"/> (the schema's CHECK lists the same).</summary>
public static class OrderStatusNames
{
    /// <summary>Every status in workflow order.</summary>
    public static IReadOnlyList<OrderStatus> All { get; } =
        [OrderStatus.New, OrderStatus.Reviewed, OrderStatus.Assigned, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Cancelled];

    /// <summary>The stored name: <c>new</c>, <c>reviewed</c>, <c>assigned</c>, <c>in_transit</c>, <c>delivered</c>, <c>cancelled</c>.</summary>
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.New => "new",
        OrderStatus.Reviewed => "reviewed",
        OrderStatus.Assigned => "assigned",
        OrderStatus.InTransit => "in_transit",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a stored name; false for anything else.</summary>
    public static bool TryParse(string? text, out OrderStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = OrderStatus.New;
        return false;
    }
}
