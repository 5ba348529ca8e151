using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using FleetManager.Storage.Export;
using Npgsql;
using FleetManager.Storage.Sql;
using NpgsqlTypes;
using static FleetManager.Storage.Postgres.PostgresParameters;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// The order book's writes on PostgreSQL: a message's ledger row, raw bytes, orders, stops and outbox rows
/// in one transaction (commit, group commit, reprocessing's replace), and the retention purge.
/// </summary>
/// <remarks>
/// Round trips per message in a commit: one for the ledger row (which also reserves the orders' ids), one
/// batch for the raw bytes, orders, stops and outbox rows; plus one per transaction. Commits are idempotent
/// by the unique ledger key (<c>INSERT ... ON CONFLICT DO NOTHING</c>: two instances committing the same
/// message store it once).
/// </remarks>
internal sealed class PostgresLedgerWriter(NpgsqlDataSource dataSource, IReadOnlyList<string> outboxSinks) : ILedgerWriter
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly string[] _outboxSinks = [.. outboxSinks];

    /// <inheritdoc />
    public CommittedListRows? ListRows { get; set; }

    /// <summary>
    /// The group commit with Npgsql's asynchronous I/O, so no thread waits on the network (the service, the import and
    /// the CLI all commit through it).
    /// </summary>
    public async ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (message, result) in batch)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentNullException.ThrowIfNull(result);
        }

        // Serialise every order before the transaction: an order that cannot be written as JSON
        // (a NaN coordinate) fails here with nothing sent.
        var orderJson = batch.Select(b => b.Result.Error is null
            ? b.Result.Orders.Select(o => JsonSerializer.Serialize(o, FleetManagerJsonContext.Compact.TransportOrder)).ToArray()
            : []).ToArray();

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Disposing an uncommitted transaction rolls it back: a failure or a cancellation stores nothing of the batch.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var stored = new bool[batch.Count];
                // Local to the call: two commits of this writer may run at once (the store has no gate here).
                var committed = ListRows is null ? null : new List<CommittedOrder>();
                for (var i = 0; i < batch.Count; i++)
                {
                    stored[i] = await WriteAsync(connection, transaction, batch[i].Message, batch[i].Result, orderJson[i], committed, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                if (committed is not null)
                {
                    ListRows?.Record(committed);
                }

                return stored;
            }
        }
    }

    private async ValueTask<bool> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredMessage message, EmailResult result, string[] orderJson, List<CommittedOrder>? committed, CancellationToken cancellationToken)
    {
        var quarantined = result.Error is not null;
        var orders = quarantined ? [] : result.Orders;

        long ledgerId;
        long[] orderIds;
        using (var ledger = new NpgsqlCommand(
            """
            INSERT INTO ledger (ledger_key, source_key, message_id, subject, sender, sent_at, received_at,
                                processed_at, status, classification, error, order_count)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (ledger_key) DO NOTHING
            RETURNING id, ARRAY(SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, $12))
            """, connection, transaction))
        {
            var p = ledger.Parameters;
            p.Add(Text(message.LedgerKey));
            p.Add(Text(message.SourceKey));
            p.Add(Text(message.MessageId));
            p.Add(Text(message.Subject));
            p.Add(Text(message.From));
            p.Add(Text(message.Date is { } date ? SpecText.Of(date) : null));
            p.Add(Text(message.ReceivedAt is { } received ? SpecText.Of(received) : null));
            p.Add(Text(SpecText.Of(message.ProcessedAt)));
            p.Add(Text(quarantined ? "quarantined" : "processed"));
            p.Add(Text(!quarantined && result.Classification is { } classification ? SpecText.Of(classification) : null));
            p.Add(Text(result.Error));
            p.Add(new NpgsqlParameter<int> { TypedValue = orders.Count });
            var reader = await ledger.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // The key is already recorded (by an earlier run, another instance, or this batch).
                    return false;
                }

                ledgerId = reader.GetInt64(0);
                orderIds = reader.GetFieldValue<long[]>(1);
            }
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using var disposeBatch = batch.ConfigureAwait(false);
        batch.BatchCommands.Add(Command(
            "INSERT INTO raw_message (ledger_id, bytes) VALUES ($1, $2)",
            new NpgsqlParameter<long> { TypedValue = ledgerId },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = OrderRows.AsArray(message.Raw) }));
        for (var index = 0; index < orders.Count; index++)
        {
            AddOrder(batch, ledgerId, orderIds[index], index, orders[index], orderJson[index], message);
            committed?.Add(new CommittedOrder(orderIds[index], message.LedgerKey, message.SourceKey, index, orders[index]));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        return true;
    }

    private void AddOrder(NpgsqlBatch batch, long ledgerId, long orderId, int index, TransportOrder order, string json, StoredMessage message, bool writeOutbox = true)
    {
        var (firstLoading, lastUnloading) = OrderRows.Ends(order);
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO orders (id, ledger_id, order_index, reference_number, customer, customer_folded, request_type,
                                loading_city, loading_country, loading_date, unloading_city, unloading_country, unloading_date,
                                vehicle_type, weight_kg, price_amount, price_currency, order_json, sources_json)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            """,
            new NpgsqlParameter<long> { TypedValue = orderId },
            new NpgsqlParameter<long> { TypedValue = ledgerId },
            new NpgsqlParameter<int> { TypedValue = index },
            Text(order.ReferenceNumber),
            Text(order.Customer),
            Text(order.Customer is null ? null : TextFold.Fold(order.Customer)),
            Text(order.RequestType is { } requestType ? SpecText.Of(requestType) : null),
            Text(firstLoading?.City),
            Text(firstLoading?.Country),
            Date(firstLoading?.Date),
            Text(lastUnloading?.City),
            Text(lastUnloading?.Country),
            Date(lastUnloading?.Date),
            Text(order.VehicleType is { } vehicle ? SpecText.Of(vehicle) : null),
            Numeric(order.WeightKg),
            Numeric(order.Price?.Amount),
            Text(order.Price?.Currency),
            Text(json),
            Text(order.Sources.Count == 0 ? null : OrderRows.SerializeSources(order.Sources))));

        for (var stopIndex = 0; stopIndex < order.Stops.Count; stopIndex++)
        {
            var stop = order.Stops[stopIndex];
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO stops (order_id, stop_index, type, company, address, postal_code, city, country,
                                   date, time_from, time_to, latitude, longitude)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """,
                new NpgsqlParameter<long> { TypedValue = orderId },
                new NpgsqlParameter<int> { TypedValue = stopIndex },
                Text(SpecText.Of(stop.Type)),
                Text(stop.Company),
                Text(stop.Address),
                Text(stop.PostalCode),
                Text(stop.City),
                Text(stop.Country),
                Date(stop.Date),
                Time(stop.TimeFrom),
                Time(stop.TimeTo),
                Double(stop.Latitude),
                Double(stop.Longitude)));
        }

        if (_outboxSinks.Length == 0 || !writeOutbox)
        {
            return;
        }

        var payload = OrderJsonExporter.ElementJson(orderId, message.MessageId, order);
        var key = OutboxOrderKey.Of(message.MessageId, index);
        foreach (var sink in _outboxSinks)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at) VALUES ($1, $2, $3, $4, $5)",
                Text(sink),
                Text(key),
                new NpgsqlParameter<long> { TypedValue = orderId },
                Text(payload),
                Instant(message.ProcessedAt)));
        }
    }

    public async ValueTask<ReplaceOutcome> ReplaceAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        // Serialised before the transaction: an order that cannot be written as JSON fails with nothing sent.
        var replacement = StoredOutcome.Of(result);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeConnection = connection.ConfigureAwait(false);

        // Disposing an uncommitted transaction rolls it back: a failure or a cancellation replaces nothing.
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeTransaction = transaction.ConfigureAwait(false);
        long ledgerId;
        string oldMessageId;
        StoredOutcome current;
        // FOR UPDATE: two reprocess runs on one message serialise here instead of both replacing the orders.
        using (var read = new NpgsqlCommand("SELECT id, message_id, status, classification, error FROM ledger WHERE ledger_key = $1 FOR UPDATE", connection, transaction))
        {
            read.Parameters.Add(Text(message.LedgerKey));
            using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ReplaceOutcome.NotFound;
            }

            ledgerId = reader.GetInt64(0);
            oldMessageId = reader.GetString(1);
            current = new StoredOutcome(reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), []);
        }

        var oldOrders = new List<(string Json, string? Sources)>();
        using (var read = new NpgsqlCommand("SELECT order_json, sources_json FROM orders WHERE ledger_id = $1 ORDER BY order_index", connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ledgerId });
            using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                oldOrders.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        current = current with { Orders = oldOrders };
        if (oldMessageId == message.MessageId && current.SameAs(replacement))
        {
            return ReplaceOutcome.Unchanged;
        }

        var orders = result.Error is null ? result.Orders : [];
        long[] orderIds;
        using (var reserve = new NpgsqlCommand("SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, $1))", connection, transaction))
        {
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = orders.Count });
            orderIds = (long[])(await reserve.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using var disposeBatch = batch.ConfigureAwait(false);
        var ledger = new NpgsqlParameter<long> { TypedValue = ledgerId };
        batch.BatchCommands.Add(Command("DELETE FROM outbox WHERE delivered_at IS NULL AND order_id IN (SELECT id FROM orders WHERE ledger_id = $1)", ledger));
        batch.BatchCommands.Add(Command("DELETE FROM stops WHERE order_id IN (SELECT id FROM orders WHERE ledger_id = $1)", new NpgsqlParameter<long> { TypedValue = ledgerId }));
        batch.BatchCommands.Add(Command("DELETE FROM orders WHERE ledger_id = $1", new NpgsqlParameter<long> { TypedValue = ledgerId }));
        batch.BatchCommands.Add(Command(
            """
            UPDATE ledger SET message_id = $2, subject = $3, sender = $4, sent_at = $5, processed_at = $6, status = $7,
                              classification = $8, error = $9, order_count = $10
            WHERE id = $1
            """,
            new NpgsqlParameter<long> { TypedValue = ledgerId },
            Text(message.MessageId),
            Text(message.Subject),
            Text(message.From),
            Text(message.Date is { } date ? SpecText.Of(date) : null),
            Text(SpecText.Of(message.ProcessedAt)),
            Text(replacement.Status),
            Text(replacement.Classification),
            Text(replacement.Error),
            new NpgsqlParameter<int> { TypedValue = orders.Count }));
        for (var index = 0; index < orders.Count; index++)
        {
            AddOrder(batch, ledgerId, orderIds[index], index, orders[index], replacement.Orders[index].Json, message, writeOutbox: false);
        }

        foreach (var sink in _outboxSinks)
        {
            for (var index = 0; index < orders.Count; index++)
            {
                AddOutboxChange(batch, sink, OutboxOrderKey.Of(message.MessageId, index), orderIds[index],
                    OrderJsonExporter.ElementJson(orderIds[index], message.MessageId, orders[index]), "upsert", message.ProcessedAt);
            }

            foreach (var key in OutboxRemovals.Keys(oldMessageId, oldOrders.Count, message.MessageId, orders.Count))
            {
                AddOutboxChange(batch, sink, key, null, OutboxRemovals.Payload, "delete", message.ProcessedAt);
            }
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ReplaceOutcome.Replaced;
    }

    private static void AddOutboxChange(NpgsqlBatch batch, string sink, string key, long? orderId, string payload, string change, DateTimeOffset at) =>
        batch.BatchCommands.Add(Command(
            "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at, change) VALUES ($1, $2, $3, $4, $5, $6)",
            Text(sink),
            Text(key),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = orderId is { } id ? id : DBNull.Value },
            Text(payload),
            Instant(at),
            Text(change)));

    /// <summary>Nothing to free: every call takes and returns a pooled connection (the data source belongs to the book).</summary>
    public void Dispose()
    {
    }
}
