namespace FleetManager.Storage.Corrections;

/// <summary>
/// Applies people's corrections to orders as read: each field's latest correction wins. Exports, the
/// dashboard and its filters see the corrected order; the order book keeps the value read untouched.
/// </summary>
public static class CorrectedOrders
{
    /// <summary>The order with its corrections applied (unchanged when it has none; a correction that no longer fits is skipped).</summary>
    public static StoredOrder Apply(StoredOrder stored, IReadOnlyList<OrderCorrection>? corrections)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (corrections is null || corrections.Count == 0)
        {
            return stored;
        }

        var order = stored.Order;
        foreach (var correction in corrections.OrderBy(c => c.Id))
        {
            // A correction made on an order that reprocessing later reshaped (fewer stops) no longer applies.
            if (OrderFieldEditor.TrySet(order, correction.Field, correction.ValueSet, out var updated, out _))
            {
                order = updated;
            }
        }

        return stored with { Order = order };
    }

    /// <summary>Applies <paramref name="corrections"/> (by order id) to each order as it is enumerated.</summary>
    public static IAsyncEnumerable<StoredOrder> Apply(IAsyncEnumerable<StoredOrder> orders, IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> corrections)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(corrections);
        return orders.Select(order => corrections.TryGetValue(order.Id, out var list) ? Apply(order, list) : order);
    }
}
