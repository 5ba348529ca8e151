using FleetManager.Core.Model;

namespace FleetManager.Storage.Corrections;

/// <summary>
/// When an order needs a person's check: while nobody has reviewed it (status new) and the reader was unsure
/// (low confidence) or a field a haulier cannot do without is missing: customer, a loading and an unloading place,
/// a loading date. One rule for the list's filter (kept in SQL) and every page that shows the badge.
/// </summary>
public static class OrderReviewNeed
{
    /// <summary>True when <paramref name="order"/> (corrected) in <paramref name="status"/> needs review.</summary>
    public static bool Of(TransportOrder order, OrderStatus status) => status == OrderStatus.New && IsIncomplete(order);

    /// <summary>The status-independent half: low confidence or a required field missing.</summary>
    public static bool IsIncomplete(TransportOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (loading, unloading) = OrderRows.Ends(order);
        return order.Confidence?.Low == true || string.IsNullOrWhiteSpace(order.Customer)
            || string.IsNullOrWhiteSpace(loading?.City) || string.IsNullOrWhiteSpace(unloading?.City) || loading?.Date is null;
    }
}
