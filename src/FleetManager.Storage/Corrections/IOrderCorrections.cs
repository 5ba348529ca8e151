namespace FleetManager.Storage.Corrections;

/// <summary>
/// The people's side of the order book: corrections (audit rows) and workflow status. It lives beside
/// <see cref="IOrderStore"/> (same database, own connection) so the reading pipeline stays untouched; exports
/// apply the corrections with <see cref="CorrectedOrders"/>. Not thread-safe: one caller at a time.
/// </summary>
public interface IOrderCorrections : IDisposable
{
    /// <summary>Records one correction; returns it with its id.</summary>
    OrderCorrection Add(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt);

    /// <summary>The corrections of one order, oldest first.</summary>
    IReadOnlyList<OrderCorrection> For(long orderId);

    /// <summary>Every correction, grouped by order, oldest first within an order.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> All();

    /// <summary>Sets an order's status (replacing the previous one).</summary>
    void SetStatus(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt);

    /// <summary>One order's status; <see cref="OrderReview.Untouched"/> when none was set.</summary>
    OrderReview StatusOf(long orderId);

    /// <summary>Every order that has a status row, by order id (orders missing here are new).</summary>
    IReadOnlyDictionary<long, OrderReview> Statuses();
}
