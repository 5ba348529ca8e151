// Why one file of ~480 lines: every write of the SQLite order book — a message's ledger row, raw bytes, orders,
// stops and outbox rows, group commit, reprocessing's replace and the retention purge — must happen inside one
// immediate transaction on the store's one connection, with the same prepared statements reused across a batch.
// Split by table, the transaction, the statements and the duplicate handling would have to be passed around.
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Storage.Export;
using FleetManager.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// The order book's writes on SQLite: a message's ledger row, raw bytes, orders, stops and outbox rows in
/// one immediate transaction (commit, group commit, reprocessing's replace), and the retention purge.
/// </summary>
/// <remarks>
/// Throughput: the statements that run per message are prepared once on the one connection; nothing per
/// message reads the schema. A committed transaction asks <see cref="SqliteCheckpointer"/> for a checkpoint
/// instead of checkpointing on the committer's thread.
/// About 450 lines, kept in one file on purpose: the prepared statements, the one transaction they are bound
/// to (<c>InTransaction</c>) and the writes that use them (commit, replace) only make sense together.
/// </remarks>
internal sealed class SqliteLedgerWriter : ILedgerWriter
{
    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    private SqliteCheckpointer? _checkpointer;
    private readonly SqliteCommand _insertLedger;
    private readonly SqliteCommand _insertRaw;
    private readonly SqliteCommand _insertOrder;
    private readonly SqliteCommand _insertStop;
    // Prepared only when sinks are configured: without them a commit runs no outbox statement at all.
    private readonly SqliteCommand? _insertOutbox;
    private readonly string[] _outboxSinks;
    // The transaction InTransaction runs, for statements created inside it (Microsoft.Data.Sqlite requires it on each command).
    private SqliteTransaction? _transaction;
    // The orders written by the open transaction, handed to ListRows only once it has committed.
    private readonly List<CommittedOrder> _committed = [];

    public SqliteLedgerWriter(SqliteConnection connection, string connectionString, string location, IReadOnlyList<string> outboxSinks)
    {
        _connection = connection;
        _connectionString = connectionString;
        Location = location;
        _outboxSinks = [.. outboxSinks];
        if (_outboxSinks.Length > 0)
        {
            _insertOutbox = Prepare(
                "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at) " +
                "VALUES ($sink, $order_key, $order_id, $payload_json, $created_at)",
                "$sink", "$order_key", "$order_id", "$payload_json", "$created_at");
        }

        _insertLedger = Prepare(
            """
            INSERT INTO ledger (ledger_key, source_key, message_id, subject, sender, sent_at, received_at,
                                processed_at, status, classification, error, order_count)
            VALUES ($ledger_key, $source_key, $message_id, $subject, $sender, $sent_at, $received_at,
                    $processed_at, $status, $classification, $error, $order_count)
            ON CONFLICT (ledger_key) DO NOTHING
            RETURNING id
            """,
            "$ledger_key", "$source_key", "$message_id", "$subject", "$sender", "$sent_at", "$received_at",
            "$processed_at", "$status", "$classification", "$error", "$order_count");
        _insertRaw = Prepare("INSERT INTO raw_message (ledger_id, bytes) VALUES ($ledger_id, $bytes)", "$ledger_id", "$bytes");
        _insertOrder = Prepare(
            """
            INSERT INTO orders (ledger_id, order_index, reference_number, customer, request_type,
                                loading_city, loading_country, loading_date,
                                unloading_city, unloading_country, unloading_date,
                                vehicle_type, weight_kg, price_amount, price_currency, order_json, sources_json)
            VALUES ($ledger_id, $order_index, $reference_number, $customer, $request_type,
                    $loading_city, $loading_country, $loading_date,
                    $unloading_city, $unloading_country, $unloading_date,
                    $vehicle_type, $weight_kg, $price_amount, $price_currency, $order_json, $sources_json)
            RETURNING id
            """,
            "$ledger_id", "$order_index", "$reference_number", "$customer", "$request_type",
            "$loading_city", "$loading_country", "$loading_date",
            "$unloading_city", "$unloading_country", "$unloading_date",
            "$vehicle_type", "$weight_kg", "$price_amount", "$price_currency", "$order_json", "$sources_json");
        _insertStop = Prepare(
            """
            INSERT INTO stops (order_id, stop_index, type, company, address, postal_code, city, country,
                               date, time_from, time_to, latitude, longitude)
            VALUES ($order_id, $stop_index, $type, $company, $address, $postal_code, $city, $country,
                    $date, $time_from, $time_to, $latitude, $longitude)
            """,
            "$order_id", "$stop_index", "$type", "$company", "$address", "$postal_code", "$city", "$country",
            "$date", "$time_from", "$time_to", "$latitude", "$longitude");
    }

    /// <summary>The book's path, for messages.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public CommittedListRows? ListRows { get; set; }

    /// <summary>
    /// Group commit: records several messages (each its ledger row, raw bytes, orders with their stops and, per
    /// configured sink, an outbox row per order) in ONE transaction,
    /// which costs far less per message than a transaction each (the pages a commit touches are
    /// written once per batch). Either every message of the batch is stored or none is.
    /// </summary>
    /// <returns>For each message in order: true when stored, false when its ledger key was already recorded
    /// (also by an earlier message of the same batch).</returns>
    /// <exception cref="OrderBookUnavailableException">The database failed; nothing of the batch is stored.</exception>
    /// <exception cref="ArgumentException">
    /// A message's order cannot be written as spec JSON; nothing of the batch is stored. Commit the
    /// batch's messages one by one to find it.
    /// </exception>
    private bool[] CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (message, result) in batch)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentNullException.ThrowIfNull(result);
        }

        return InTransaction(() =>
        {
            var stored = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                stored[i] = Write(batch[i].Message, batch[i].Result);
            }

            return stored;
        });
    }

    /// <remarks>
    /// Synchronous underneath: Microsoft.Data.Sqlite's asynchronous calls run synchronously anyway (SQLite is an
    /// in-process library), so awaiting them would only add state machines on the import's per-batch path. The
    /// batch is not started once <paramref name="cancellationToken"/> is cancelled; once started it runs to its end.
    /// </remarks>
    public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<bool>>(CommitBatch(batch));
    }

    /// <remarks>Synchronous underneath, as <see cref="CommitBatchAsync"/>.</remarks>
    public ValueTask<ReplaceOutcome> ReplaceAsync(StoredMessage message, EmailResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Replace(message, result));
    }

    private ReplaceOutcome Replace(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        // Serialised before the transaction: an order that cannot be written as JSON fails with nothing changed.
        var replacement = StoredOutcome.Of(result);
        return InTransaction(() =>
        {
            long ledgerId;
            StoredOutcome current;
            string oldMessageId;
            using (var read = Command("SELECT id, message_id, status, classification, error FROM ledger WHERE ledger_key = $key"))
            {
                read.Parameters.AddWithValue("$key", message.LedgerKey);
                using var reader = read.ExecuteReader();
                if (!reader.Read())
                {
                    return ReplaceOutcome.NotFound;
                }

                ledgerId = reader.GetInt64(0);
                oldMessageId = reader.GetString(1);
                current = new StoredOutcome(reader.GetString(2), TextOrNull(reader, 3), TextOrNull(reader, 4), []);
            }

            var oldOrders = new List<(string Json, string? Sources)>();
            using (var read = Command("SELECT order_json, sources_json FROM orders WHERE ledger_id = $ledger ORDER BY order_index"))
            {
                read.Parameters.AddWithValue("$ledger", ledgerId);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    oldOrders.Add((reader.GetString(0), TextOrNull(reader, 1)));
                }
            }

            current = current with { Orders = oldOrders };
            if (oldMessageId == message.MessageId && current.SameAs(replacement))
            {
                return ReplaceOutcome.Unchanged;
            }

            Execute("DELETE FROM outbox WHERE delivered_at IS NULL AND order_id IN (SELECT id FROM orders WHERE ledger_id = $ledger)", ledgerId);
            Execute("DELETE FROM stops WHERE order_id IN (SELECT id FROM orders WHERE ledger_id = $ledger)", ledgerId);
            Execute("DELETE FROM orders WHERE ledger_id = $ledger", ledgerId);
            using (var update = Command(
                """
                UPDATE ledger SET message_id = $message_id, subject = $subject, sender = $sender, sent_at = $sent_at,
                                  processed_at = $processed_at, status = $status, classification = $classification,
                                  error = $error, order_count = $order_count
                WHERE id = $ledger
                """))
            {
                var p = update.Parameters;
                p.AddWithValue("$ledger", ledgerId);
                p.AddWithValue("$message_id", message.MessageId);
                p.AddWithValue("$subject", OrNull(message.Subject));
                p.AddWithValue("$sender", OrNull(message.From));
                p.AddWithValue("$sent_at", message.Date is { } date ? SpecText.Of(date) : DBNull.Value);
                p.AddWithValue("$processed_at", SpecText.Of(message.ProcessedAt));
                p.AddWithValue("$status", replacement.Status);
                p.AddWithValue("$classification", OrNull(replacement.Classification));
                p.AddWithValue("$error", OrNull(replacement.Error));
                p.AddWithValue("$order_count", replacement.Orders.Count);
                update.ExecuteNonQuery();
            }

            var orders = result.Error is null ? result.Orders : [];
            var changes = new List<(string Key, long? OrderId, string Payload, string Change)>();
            for (var index = 0; index < orders.Count; index++)
            {
                var orderId = WriteOrder(ledgerId, index, orders[index]);
                changes.Add((OutboxOrderKey.Of(message.MessageId, index), orderId, OrderJsonExporter.ElementJson(orderId, message.MessageId, orders[index]), "upsert"));
            }

            foreach (var key in OutboxRemovals.Keys(oldMessageId, oldOrders.Count, message.MessageId, orders.Count))
            {
                changes.Add((key, null, OutboxRemovals.Payload, "delete"));
            }

            WriteOutboxChanges(changes, message.ProcessedAt);
            return ReplaceOutcome.Replaced;
        });
    }

    /// <summary>Outbox entries of a replacement, one per configured sink each, inside the open transaction.</summary>
    private void WriteOutboxChanges(List<(string Key, long? OrderId, string Payload, string Change)> changes, DateTimeOffset at)
    {
        if (_outboxSinks.Length == 0 || changes.Count == 0)
        {
            return;
        }

        using var insert = Command(
            "INSERT INTO outbox (sink, order_key, order_id, payload_json, created_at, change) " +
            "VALUES ($sink, $order_key, $order_id, $payload_json, $created_at, $change)");
        var sink = insert.Parameters.Add(new SqliteParameter { ParameterName = "$sink" });
        var key = insert.Parameters.Add(new SqliteParameter { ParameterName = "$order_key" });
        var orderId = insert.Parameters.Add(new SqliteParameter { ParameterName = "$order_id" });
        var payload = insert.Parameters.Add(new SqliteParameter { ParameterName = "$payload_json" });
        var change = insert.Parameters.Add(new SqliteParameter { ParameterName = "$change" });
        insert.Parameters.AddWithValue("$created_at", SpecText.Of(at));
        foreach (var entry in changes)
        {
            foreach (var name in _outboxSinks)
            {
                sink.Value = name;
                key.Value = entry.Key;
                orderId.Value = entry.OrderId is { } id ? id : DBNull.Value;
                payload.Value = entry.Payload;
                change.Value = entry.Change;
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>A statement in the transaction <see cref="InTransaction{T}"/> runs.</summary>
    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private void Execute(string sql, long ledgerId)
    {
        using var command = Command(sql);
        command.Parameters.AddWithValue("$ledger", ledgerId);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Hands checkpoints to a background thread (see <see cref="SqliteCheckpointer"/>) and raises the
    /// writer's own threshold to the backstop, on the first write of this instance.
    /// </summary>
    private SqliteCheckpointer StartCheckpointer()
    {
        var checkpointer = new SqliteCheckpointer(_connectionString);
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.BackstopPages}";
        command.ExecuteNonQuery();
        return checkpointer;
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction; any exception rolls everything back.</summary>
    private T InTransaction<T>(Func<T> work)
    {
        _checkpointer ??= StartCheckpointer();
        using var transaction = _connection.BeginTransaction();
        _insertLedger.Transaction = transaction;
        _insertRaw.Transaction = transaction;
        _insertOrder.Transaction = transaction;
        _insertStop.Transaction = transaction;
        _insertOutbox?.Transaction = transaction;
        _transaction = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            _checkpointer.Request();
            ListRows?.Record(_committed);
            return result;
        }
        catch (SqliteException exception)
        {
            // Disk full, a read-only file, a damaged page: the transaction rolls back (nothing of the
            // batch is stored; after damage nothing more is written) and the run stops with the store's fix.
            throw SqliteFailures.ForWrite(exception, Location, "nothing of this batch was stored");
        }
        finally
        {
            _committed.Clear();
            _transaction = null;
            _insertLedger.Transaction = null;
            _insertRaw.Transaction = null;
            _insertOrder.Transaction = null;
            _insertStop.Transaction = null;
            _insertOutbox?.Transaction = null;
        }
    }

    /// <summary>Writes one message inside the open transaction; false when its ledger key is already recorded.</summary>
    private bool Write(StoredMessage message, EmailResult result)
    {
        var quarantined = result.Error is not null;
        var orders = quarantined ? [] : result.Orders;

        var ledger = _insertLedger.Parameters;
        ledger[0].Value = message.LedgerKey;
        ledger[1].Value = message.SourceKey;
        ledger[2].Value = message.MessageId;
        ledger[3].Value = OrNull(message.Subject);
        ledger[4].Value = OrNull(message.From);
        ledger[5].Value = message.Date is { } date ? SpecText.Of(date) : DBNull.Value;
        ledger[6].Value = message.ReceivedAt is { } received ? SpecText.Of(received) : DBNull.Value;
        ledger[7].Value = SpecText.Of(message.ProcessedAt);
        ledger[8].Value = quarantined ? "quarantined" : "processed";
        ledger[9].Value = !quarantined && result.Classification is { } classification ? SpecText.Of(classification) : DBNull.Value;
        ledger[10].Value = OrNull(result.Error);
        ledger[11].Value = orders.Count;
        if (_insertLedger.ExecuteScalar() is not long ledgerId)
        {
            // The key is already recorded: an earlier run (or batch entry) committed this message.
            return false;
        }

        _insertRaw.Parameters[0].Value = ledgerId;
        _insertRaw.Parameters[1].Value = OrderRows.AsArray(message.Raw);
        _insertRaw.ExecuteNonQuery();

        for (var index = 0; index < orders.Count; index++)
        {
            var orderId = WriteOrder(ledgerId, index, orders[index]);
            if (ListRows is not null)
            {
                _committed.Add(new CommittedOrder(orderId, message.LedgerKey, message.SourceKey, index, orders[index]));
            }

            if (_insertOutbox is not null)
            {
                WriteOutbox(orderId, index, orders[index], message);
            }
        }

        return true;
    }

    private long WriteOrder(long ledgerId, int index, TransportOrder order)
    {
        var (firstLoading, lastUnloading) = OrderRows.Ends(order);

        var p = _insertOrder.Parameters;
        p[0].Value = ledgerId;
        p[1].Value = index;
        p[2].Value = OrNull(order.ReferenceNumber);
        p[3].Value = OrNull(order.Customer);
        p[4].Value = order.RequestType is { } requestType ? SpecText.Of(requestType) : DBNull.Value;
        p[5].Value = OrNull(firstLoading?.City);
        p[6].Value = OrNull(firstLoading?.Country);
        p[7].Value = firstLoading?.Date is { } loadingDate ? SpecText.Of(loadingDate) : DBNull.Value;
        p[8].Value = OrNull(lastUnloading?.City);
        p[9].Value = OrNull(lastUnloading?.Country);
        p[10].Value = lastUnloading?.Date is { } unloadingDate ? SpecText.Of(unloadingDate) : DBNull.Value;
        p[11].Value = order.VehicleType is { } vehicle ? SpecText.Of(vehicle) : DBNull.Value;
        p[12].Value = order.WeightKg is { } weight ? (double)weight : DBNull.Value;
        p[13].Value = order.Price is { } price ? (double)price.Amount : DBNull.Value;
        p[14].Value = OrNull(order.Price?.Currency);
        p[15].Value = JsonSerializer.Serialize(order, FleetManagerJsonContext.Compact.TransportOrder);
        p[16].Value = order.Sources.Count == 0 ? DBNull.Value : SerializeSources(order.Sources);
        var orderId = (long)_insertOrder.ExecuteScalar()!;

        var s = _insertStop.Parameters;
        for (var stopIndex = 0; stopIndex < order.Stops.Count; stopIndex++)
        {
            var stop = order.Stops[stopIndex];
            s[0].Value = orderId;
            s[1].Value = stopIndex;
            s[2].Value = SpecText.Of(stop.Type);
            s[3].Value = OrNull(stop.Company);
            s[4].Value = OrNull(stop.Address);
            s[5].Value = OrNull(stop.PostalCode);
            s[6].Value = OrNull(stop.City);
            s[7].Value = OrNull(stop.Country);
            s[8].Value = stop.Date is { } date ? SpecText.Of(date) : DBNull.Value;
            s[9].Value = stop.TimeFrom is { } from ? SpecText.Of(from) : DBNull.Value;
            s[10].Value = stop.TimeTo is { } to ? SpecText.Of(to) : DBNull.Value;
            s[11].Value = stop.Latitude is { } latitude ? latitude : DBNull.Value;
            s[12].Value = stop.Longitude is { } longitude ? longitude : DBNull.Value;
            _insertStop.ExecuteNonQuery();
        }

        return orderId;
    }

    /// <summary>One outbox row per configured sink for an order just written, in the same transaction.</summary>
    private void WriteOutbox(long orderId, int index, TransportOrder order, StoredMessage message)
    {
        if (_insertOutbox is null)
        {
            return;
        }

        var payload = OrderJsonExporter.ElementJson(orderId, message.MessageId, order);
        var key = OutboxOrderKey.Of(message.MessageId, index);
        var p = _insertOutbox!.Parameters;
        foreach (var sink in _outboxSinks)
        {
            p[0].Value = sink;
            p[1].Value = key;
            p[2].Value = orderId;
            p[3].Value = payload;
            p[4].Value = SpecText.Of(message.ProcessedAt);
            _insertOutbox.ExecuteNonQuery();
        }
    }

    private static string SerializeSources(IReadOnlyDictionary<string, TextSpan> sources) => OrderRows.SerializeSources(sources);

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static object OrNull(string? text) => text is null ? DBNull.Value : text;

    private static string? TextOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Stops the checkpointer and frees the prepared statements (the connection belongs to the book).</summary>
    public void Dispose()
    {
        _checkpointer?.Dispose();
        _insertLedger.Dispose();
        _insertRaw.Dispose();
        _insertOrder.Dispose();
        _insertStop.Dispose();
        _insertOutbox?.Dispose();
    }
}
