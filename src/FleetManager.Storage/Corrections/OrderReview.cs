namespace FleetManager.Storage.Corrections;

/// <summary>An order's workflow status and who set it last (null for an order still <see cref="OrderStatus.New"/> by default).</summary>
public sealed record OrderReview(long OrderId, OrderStatus Status, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    /// <summary>The review of an order nobody has touched.</summary>
    public static OrderReview Untouched(long orderId) => new(orderId, OrderStatus.New, null, null);
}
