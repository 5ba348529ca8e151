namespace FleetManager.Storage.Corrections;

/// <summary>
/// The people's side of the order book: corrections (audit rows) and workflow status, reached through
/// <see cref="IOrderStore.Corrections"/> (same database, connection, guard and error translation as the store).
/// Every call is asynchronous (Npgsql does the I/O without holding a thread; SQLite's calls complete synchronously). Orders are named by their current id; the rows are kept by the message's ledger key and the order's index
/// within it, so they still apply after a reprocess replaced the message's orders. Exports apply the
/// corrections with <see cref="CorrectedOrders"/>.
/// </summary>
public interface IOrderCorrections
{
    /// <summary>
    /// Records one correction and, in the same transaction, an outbox upsert of the corrected order per configured sink
    /// (<see cref="IOrderStore.OutboxSinks"/>; keyed as the commit's, so Google Sheets updates the order's row rather than
    /// appending one); returns it with its id, or null when there is no order <paramref name="orderId"/> (nothing written).
    /// </summary>
    ValueTask<OrderCorrection?> AddAsync(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records a change a person made to a whole message (e.g. its classification: <paramref name="field"/>
    /// <c>message.classification</c>), kept by the message's ledger key so it survives reprocessing. Its
    /// <see cref="OrderCorrection.OrderId"/> is 0: it belongs to no order, and no order's corrections include it.
    /// </summary>
    ValueTask<OrderCorrection> AddToMessageAsync(string ledgerKey, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, CancellationToken cancellationToken);

    /// <summary>The changes made to the message with ledger key <paramref name="ledgerKey"/> as a whole, oldest first.</summary>
    ValueTask<IReadOnlyList<OrderCorrection>> ForMessageAsync(string ledgerKey, CancellationToken cancellationToken);

    /// <summary>The corrections of one order, oldest first.</summary>
    ValueTask<IReadOnlyList<OrderCorrection>> ForAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Every correction of an order in the book, grouped by the order's current id, oldest first within an order.</summary>
    ValueTask<IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Sets an order's status (replacing the previous one); false, with nothing changed, when there is no such order.</summary>
    ValueTask<bool> SetStatusAsync(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken);

    /// <summary>One order's status; <see cref="OrderReview.Untouched"/> when none was set.</summary>
    ValueTask<OrderReview> StatusOfAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Every order that has a status row, by order id (orders missing here are new).</summary>
    ValueTask<IReadOnlyDictionary<long, OrderReview>> StatusesAsync(CancellationToken cancellationToken);
}
