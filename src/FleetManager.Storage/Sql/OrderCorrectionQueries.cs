using System.Data.Common;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The people's side of the order book (corrections and workflow status), one SQL text for both back-ends.
/// Rows are keyed by what survives reprocessing: the message's ledger key and the order's index within the
/// message (schema step 5); <c>order_id</c> is written too, for the previous release, whose rows carry no key
/// and are matched by it. Callers name orders by their current id, which is translated to the key here.
/// </summary>
internal sealed class OrderCorrectionQueries(SqlDialect dialect)
{
    /// <summary>The order index of a row about the whole message (<see cref="AddToMessageAsync"/>).</summary>
    private const int MessageIndex = -1;

    private const string CorrectionColumns = "c.field, c.value_read, c.value_set, c.corrected_by, c.corrected_at";

    private const string StatusColumns = "c.status, c.changed_by, c.changed_at";

    // Rows with a key find their order through the ledger's unique key and orders_ledger; rows the previous release
    // wrote (no key) by order id. UNION ALL rather than an OR in the join, so each half uses its index.
    private const string ByKey = "FROM order_correction c JOIN ledger l ON l.ledger_key = c.ledger_key JOIN orders o ON o.ledger_id = l.id AND o.order_index = c.order_index";

    private const string StatusByKey = "FROM order_status c JOIN ledger l ON l.ledger_key = c.ledger_key JOIN orders o ON o.ledger_id = l.id AND o.order_index = c.order_index";

    /// <summary>
    /// Records a correction and, per sink in <paramref name="outboxSinks"/>, an outbox upsert of the order as corrected
    /// (keyed like the commit's, so the sink updates the order's existing row), in ONE transaction: a sink outage
    /// delays the update and the outbox retries it.
    /// </summary>
    public async ValueTask<OrderCorrection?> AddAsync(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, IReadOnlyList<string> outboxSinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(correctedBy);
        ArgumentNullException.ThrowIfNull(outboxSinks);
        StoredOrder? read;
        using (var find = dialect.CreateCommand())
        {
            find.CommandText = $"SELECT {OrderBookQueries.StoredOrderColumns} FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = {dialect.AddLong(find, orderId)}";
            using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? OrderRows.ReadStoredOrder(reader) : null;
        }

        if (read is null)
        {
            // The order is gone (a reprocess replaced it between the caller's read and this write).
            return null;
        }

        // Read before the transaction: SQLite refuses a command outside a pending transaction on its connection.
        var corrected = outboxSinks.Count == 0 ? null : CorrectedOrders.Apply(read, await ForAsync(orderId, cancellationToken).ConfigureAwait(false)).Order;
        if (corrected is not null && OrderFieldEditor.TrySet(corrected, field, valueSet, out var updated, out _))
        {
            corrected = updated;
        }

        var id = await dialect.InTransactionAsync(
            async (command, token) =>
            {
                command.CommandText =
                    "INSERT INTO order_correction (order_id, ledger_key, order_index, field, value_read, value_set, corrected_by, corrected_at) VALUES (" +
                    string.Join(", ", dialect.AddLong(command, orderId), dialect.AddText(command, read.Message.LedgerKey), dialect.AddInt(command, read.OrderIndex),
                        dialect.AddText(command, field), dialect.AddText(command, valueRead), dialect.AddText(command, valueSet),
                        dialect.AddText(command, correctedBy), dialect.AddInstant(command, correctedAt)) + ") RETURNING id";
                var correctionId = Convert.ToInt64(await command.ExecuteScalarAsync(token).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                foreach (var sink in outboxSinks)
                {
                    command.Parameters.Clear();
                    command.CommandText =
                        "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at, change) VALUES (" +
                        string.Join(", ", dialect.AddText(command, sink), dialect.AddText(command, OutboxOrderKey.Of(read.Message.MessageId, read.OrderIndex)),
                            dialect.AddLong(command, orderId), dialect.AddText(command, Export.OrderJsonExporter.ElementJson(orderId, read.Message.MessageId, corrected!)),
                            dialect.AddInstant(command, correctedAt), dialect.AddText(command, "upsert")) + ")";
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                return correctionId;
            },
            cancellationToken).ConfigureAwait(false);
        return new OrderCorrection(id, orderId, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    /// <summary>
    /// A change to a whole message: order index −1 (no order has it, so the order queries' key join never matches
    /// it) and order id 0 (no order has that id either, so the previous release, which reads by order id, ignores it).
    /// </summary>
    public async ValueTask<OrderCorrection> AddToMessageAsync(string ledgerKey, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(correctedBy);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "INSERT INTO order_correction (order_id, ledger_key, order_index, field, value_read, value_set, corrected_by, corrected_at) VALUES (0, " +
            string.Join(", ", dialect.AddText(command, ledgerKey), MessageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
                dialect.AddText(command, field), dialect.AddText(command, valueRead), dialect.AddText(command, valueSet),
                dialect.AddText(command, correctedBy), dialect.AddInstant(command, correctedAt)) + ") RETURNING id";
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return new OrderCorrection(id, 0, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    public async ValueTask<IReadOnlyList<OrderCorrection>> ForMessageAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c " +
            $"WHERE c.ledger_key = {dialect.AddText(command, ledgerKey)} AND c.order_index = {MessageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)} ORDER BY c.id";
        return await ReadAllAsync(command, ReadCorrection, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OrderCorrection>> ForAsync(long orderId, CancellationToken cancellationToken)
    {
        using var command = ForCommand(orderId);
        return await ReadAllAsync(command, ReadCorrection, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>>> AllAsync(CancellationToken cancellationToken)
    {
        using var command = AllCommand();
        return ByOrder(await ReadAllAsync(command, ReadCorrection, cancellationToken).ConfigureAwait(false));
    }

    /// <returns>False, with nothing changed, when there is no order <paramref name="orderId"/>.</returns>
    public ValueTask<bool> SetStatusAsync(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changedBy);
        return dialect.InTransactionAsync(
            async (command, token) =>
            {
                command.CommandText = "SELECT l.ledger_key, o.order_index FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = " + dialect.AddLong(command, orderId);
                string ledgerKey;
                int orderIndex;
                var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        return false;
                    }

                    ledgerKey = reader.GetString(0);
                    orderIndex = reader.GetInt32(1);
                }

                // One row per order: the key's row, and any row holding this id (a previous-release row without a key,
                // or a SQLite id reused after a reprocess), make way for the new one.
                command.Parameters.Clear();
                var id = dialect.AddLong(command, orderId);
                var key = dialect.AddText(command, ledgerKey);
                var index = dialect.AddInt(command, orderIndex);
                command.CommandText = $"DELETE FROM order_status WHERE order_id = {id} OR (ledger_key = {key} AND order_index = {index})";
                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                command.CommandText =
                    "INSERT INTO order_status (order_id, ledger_key, order_index, status, changed_by, changed_at) " +
                    $"VALUES ({id}, {key}, {index}, {dialect.AddText(command, OrderStatusNames.Of(status))}, {dialect.AddText(command, changedBy)}, {dialect.AddInstant(command, changedAt)})";
                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public async ValueTask<OrderReview> StatusOfAsync(long orderId, CancellationToken cancellationToken)
    {
        using var command = StatusOfCommand(orderId);
        return (await ReadAllAsync(command, ReadReview, cancellationToken).ConfigureAwait(false)).FirstOrDefault() ?? OrderReview.Untouched(orderId);
    }

    public async ValueTask<IReadOnlyDictionary<long, OrderReview>> StatusesAsync(CancellationToken cancellationToken)
    {
        using var command = StatusesCommand();
        return ByOrder(await ReadAllAsync(command, ReadReview, cancellationToken).ConfigureAwait(false));
    }

    private DbCommand ForCommand(long orderId)
    {
        var command = dialect.CreateCommand();
        var id = dialect.AddLong(command, orderId);
        command.CommandText =
            $"SELECT c.id, o.id, {CorrectionColumns} {ByKey} WHERE o.id = {id} " +
            $"UNION ALL SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c WHERE c.ledger_key IS NULL AND c.order_id = {id} " +
            "ORDER BY 1";
        return command;
    }

    private DbCommand AllCommand()
    {
        var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT c.id, o.id, {CorrectionColumns} {ByKey} " +
            $"UNION ALL SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c WHERE c.ledger_key IS NULL " +
            "ORDER BY 1";
        return command;
    }

    private DbCommand StatusOfCommand(long orderId)
    {
        var command = dialect.CreateCommand();
        var id = dialect.AddLong(command, orderId);
        command.CommandText =
            $"SELECT o.id, {StatusColumns}, 0 {StatusByKey} WHERE o.id = {id} " +
            $"UNION ALL SELECT c.order_id, {StatusColumns}, 1 FROM order_status c WHERE c.ledger_key IS NULL AND c.order_id = {id} " +
            "ORDER BY 5";
        return command;
    }

    private DbCommand StatusesCommand()
    {
        var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT o.id, {StatusColumns}, 0 {StatusByKey} " +
            $"UNION ALL SELECT c.order_id, {StatusColumns}, 1 FROM order_status c WHERE c.ledger_key IS NULL " +
            "ORDER BY 5";
        return command;
    }

    private static Dictionary<long, IReadOnlyList<OrderCorrection>> ByOrder(List<OrderCorrection> corrections) =>
        corrections.GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<OrderCorrection>)[.. g]);

    private static Dictionary<long, OrderReview> ByOrder(List<OrderReview> reviews)
    {
        var statuses = new Dictionary<long, OrderReview>();
        foreach (var review in reviews)
        {
            // A keyed row (sorted first) wins over a keyless one for the same order.
            statuses.TryAdd(review.OrderId, review);
        }

        return statuses;
    }

    private static async ValueTask<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(row(reader));
        }

        return list;
    }

    private OrderCorrection ReadCorrection(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
            OrderRows.TextOrNull(reader, 3),
            OrderRows.TextOrNull(reader, 4),
            reader.GetString(5),
            dialect.ReadInstant(reader, 6));

    private OrderReview ReadReview(DbDataReader reader)
    {
        _ = OrderStatusNames.TryParse(reader.GetString(1), out var status); // a name this release does not know reads as New
        return new OrderReview(reader.GetInt64(0), status, reader.GetString(2), dialect.ReadInstant(reader, 3));
    }
}
