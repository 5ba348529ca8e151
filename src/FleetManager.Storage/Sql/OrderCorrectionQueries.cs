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
    /// <summary>The order index of a row about the whole message (<see cref="AddToMessage"/>).</summary>
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
    public OrderCorrection? Add(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt, IReadOnlyList<string> outboxSinks)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(correctedBy);
        ArgumentNullException.ThrowIfNull(outboxSinks);
        StoredOrder? read;
        using (var find = dialect.CreateCommand())
        {
            find.CommandText = $"SELECT {OrderBookQueries.StoredOrderColumns} FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = {dialect.AddLong(find, orderId)}";
            using var reader = find.ExecuteReader();
            read = reader.Read() ? OrderRows.ReadStoredOrder(reader) : null;
        }

        if (read is null)
        {
            // The order is gone (a reprocess replaced it between the caller's read and this write).
            return null;
        }

        // Read before the transaction: SQLite refuses a command outside a pending transaction on its connection.
        var corrected = outboxSinks.Count == 0 ? null : CorrectedOrders.Apply(read, For(orderId)).Order;
        if (corrected is not null && OrderFieldEditor.TrySet(corrected, field, valueSet, out var updated, out _))
        {
            corrected = updated;
        }

        var id = dialect.InTransaction(command =>
        {
            command.CommandText =
                "INSERT INTO order_correction (order_id, ledger_key, order_index, field, value_read, value_set, corrected_by, corrected_at) VALUES (" +
                string.Join(", ", dialect.AddLong(command, orderId), dialect.AddText(command, read.Message.LedgerKey), dialect.AddInt(command, read.OrderIndex),
                    dialect.AddText(command, field), dialect.AddText(command, valueRead), dialect.AddText(command, valueSet),
                    dialect.AddText(command, correctedBy), dialect.AddInstant(command, correctedAt)) + ") RETURNING id";
            var correctionId = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var sink in outboxSinks)
            {
                command.Parameters.Clear();
                command.CommandText =
                    "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at, change) VALUES (" +
                    string.Join(", ", dialect.AddText(command, sink), dialect.AddText(command, OutboxOrderKey.Of(read.Message.MessageId, read.OrderIndex)),
                        dialect.AddLong(command, orderId), dialect.AddText(command, Export.OrderJsonExporter.ElementJson(orderId, read.Message.MessageId, corrected!)),
                        dialect.AddInstant(command, correctedAt), dialect.AddText(command, "upsert")) + ")";
                command.ExecuteNonQuery();
            }

            return correctionId;
        });
        return new OrderCorrection(id, orderId, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    /// <summary>
    /// A change to a whole message: order index −1 (no order has it, so the order queries' key join never matches
    /// it) and order id 0 (no order has that id either, so the previous release, which reads by order id, ignores it).
    /// </summary>
    public OrderCorrection AddToMessage(string ledgerKey, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt)
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
        var id = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new OrderCorrection(id, 0, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    public IReadOnlyList<OrderCorrection> ForMessage(string ledgerKey)
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c " +
            $"WHERE c.ledger_key = {dialect.AddText(command, ledgerKey)} AND c.order_index = {MessageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)} ORDER BY c.id";
        return ReadCorrections(command);
    }

    public IReadOnlyList<OrderCorrection> For(long orderId)
    {
        using var command = dialect.CreateCommand();
        var id = dialect.AddLong(command, orderId);
        command.CommandText =
            $"SELECT c.id, o.id, {CorrectionColumns} {ByKey} WHERE o.id = {id} " +
            $"UNION ALL SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c WHERE c.ledger_key IS NULL AND c.order_id = {id} " +
            "ORDER BY 1";
        return ReadCorrections(command);
    }

    public IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> All()
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT c.id, o.id, {CorrectionColumns} {ByKey} " +
            $"UNION ALL SELECT c.id, c.order_id, {CorrectionColumns} FROM order_correction c WHERE c.ledger_key IS NULL " +
            "ORDER BY 1";
        return ReadCorrections(command).GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<OrderCorrection>)[.. g]);
    }

    /// <returns>False, with nothing changed, when there is no order <paramref name="orderId"/>.</returns>
    public bool SetStatus(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt)
    {
        ArgumentNullException.ThrowIfNull(changedBy);
        return dialect.InTransaction(command =>
        {
            command.CommandText = "SELECT l.ledger_key, o.order_index FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = " + dialect.AddLong(command, orderId);
            string ledgerKey;
            int orderIndex;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
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
            command.ExecuteNonQuery();
            command.CommandText =
                "INSERT INTO order_status (order_id, ledger_key, order_index, status, changed_by, changed_at) " +
                $"VALUES ({id}, {key}, {index}, {dialect.AddText(command, OrderStatusNames.Of(status))}, {dialect.AddText(command, changedBy)}, {dialect.AddInstant(command, changedAt)})";
            command.ExecuteNonQuery();
            return true;
        });
    }

    public OrderReview StatusOf(long orderId)
    {
        using var command = dialect.CreateCommand();
        var id = dialect.AddLong(command, orderId);
        command.CommandText =
            $"SELECT o.id, {StatusColumns}, 0 {StatusByKey} WHERE o.id = {id} " +
            $"UNION ALL SELECT c.order_id, {StatusColumns}, 1 FROM order_status c WHERE c.ledger_key IS NULL AND c.order_id = {id} " +
            "ORDER BY 5";
        return ReadReviews(command).FirstOrDefault() ?? OrderReview.Untouched(orderId);
    }

    public IReadOnlyDictionary<long, OrderReview> Statuses()
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT o.id, {StatusColumns}, 0 {StatusByKey} " +
            $"UNION ALL SELECT c.order_id, {StatusColumns}, 1 FROM order_status c WHERE c.ledger_key IS NULL " +
            "ORDER BY 5";
        var statuses = new Dictionary<long, OrderReview>();
        foreach (var review in ReadReviews(command))
        {
            // A keyed row (sorted first) wins over a keyless one for the same order.
            statuses.TryAdd(review.OrderId, review);
        }

        return statuses;
    }

    private List<OrderCorrection> ReadCorrections(DbCommand command)
    {
        var list = new List<OrderCorrection>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new OrderCorrection(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                OrderRows.TextOrNull(reader, 3),
                OrderRows.TextOrNull(reader, 4),
                reader.GetString(5),
                dialect.ReadInstant(reader, 6)));
        }

        return list;
    }

    private List<OrderReview> ReadReviews(DbCommand command)
    {
        var list = new List<OrderReview>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = OrderStatusNames.TryParse(reader.GetString(1), out var status); // a name this release does not know reads as New
            list.Add(new OrderReview(reader.GetInt64(0), status, reader.GetString(2), dialect.ReadInstant(reader, 3)));
        }

        return list;
    }
}
