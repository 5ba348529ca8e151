using System.Data;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Text;
using FleetManager.Storage.Export;
using FleetManager.Storage.Schema;
using Npgsql;
using NpgsqlTypes;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// The order book on PostgreSQL: the same tables, guarantees and schema versions as
/// <see cref="SqliteOrderBook"/>, for several processes or instances sharing one database.
/// </summary>
/// <remarks>
/// <para>Each call takes a pooled connection from one <see cref="NpgsqlDataSource"/>, so an instance
/// may be used from several threads. Commits are idempotent by the unique ledger key
/// (<c>INSERT ... ON CONFLICT DO NOTHING</c>: two instances committing the same message store it
/// once); leases are one atomic upsert.</para>
/// <para>Round trips per message in a commit: one for the ledger row (which also reserves the orders'
/// ids), one batch for the raw bytes, orders, stops and outbox rows; plus one per transaction.</para>
/// </remarks>
public sealed class PostgresOrderBook : IOrderStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string[] _outboxSinks;
    private bool _disposed;

    private const string LedgerColumns = OrderRows.LedgerColumns;

    private PostgresOrderBook(NpgsqlDataSource dataSource, string location, int from, int to, IReadOnlyList<string> sinks)
    {
        _dataSource = dataSource;
        Location = location;
        SchemaVersionAtOpen = from;
        SchemaVersion = to;
        _outboxSinks = [.. sinks];
    }

    /// <inheritdoc />
    public OrderStoreKind Kind => OrderStoreKind.PostgreSql;

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public int SchemaVersionAtOpen { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutboxSinks => _outboxSinks;

    /// <summary>The schema version this code writes.</summary>
    public static int LatestSchemaVersion => PostgresSchema.Steps[^1].Version;

    /// <summary>
    /// Connects to the database that <paramref name="connectionString"/> names (a <c>postgres://</c> URI or
    /// an Npgsql keyword string) and applies pending schema steps unless <see cref="OrderStoreOptions.ApplyMigrations"/> is false.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, the
    /// database is missing, holds a newer schema, or migrating fails.</exception>
    public static PostgresOrderBook Open(string connectionString, OrderStoreOptions options) =>
        Open(connectionString, options, PostgresSchema.Steps);

    /// <summary>
    /// The schema version of the database <paramref name="connectionString"/> names (0: not created yet), read
    /// on a fresh connection that changes nothing: the readiness probe, which must see the server as it is now.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, or the database is missing.</exception>
    public static async Task<int> ReadSchemaVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new OrderBookUnavailableException("(PostgreSQL)", "the connection string cannot be read: " + exception.GetType().Name, exception);
        }

        var location = PostgresConnectionString.Describe(builder);
        builder.Pooling = false;
        builder.Timeout = Math.Min(builder.Timeout, 5);
        try
        {
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    return ReadVersion(command, location);
                }
            }
        }
        catch (PostgresException pg)
        {
            throw new OrderBookUnavailableException(location, Describe(pg), pg);
        }
        catch (NpgsqlException npgsql)
        {
            throw new OrderBookUnavailableException(location, "the server cannot be reached (check host, port and that PostgreSQL runs): " + npgsql.Message, npgsql);
        }
        catch (TimeoutException timeout)
        {
            throw new OrderBookUnavailableException(location, "the server did not answer in time", timeout);
        }
    }

    internal static PostgresOrderBook Open(string connectionString, OrderStoreOptions options, IReadOnlyList<MigrationStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            // The text may hold a password: never echo it.
            throw new OrderBookUnavailableException("(PostgreSQL)", "the connection string cannot be read: " + exception.GetType().Name, exception);
        }

        var location = PostgresConnectionString.Describe(builder);
        var sinks = OutboxSinkNames.Validate(location, options.OutboxSinks);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            var (from, to) = Migrate(dataSource, location, steps, options.ApplyMigrations);
            return new PostgresOrderBook(dataSource, location, from, to, sinks);
        }
        catch (Exception exception)
        {
            dataSource.Dispose();
            throw exception switch
            {
                OrderBookUnavailableException => exception,
                PostgresException pg => new OrderBookUnavailableException(location, Describe(pg), pg),
                NpgsqlException npgsql => new OrderBookUnavailableException(
                    location, "the server cannot be reached (check host, port and that PostgreSQL runs): " + npgsql.Message, npgsql),
                TimeoutException => new OrderBookUnavailableException(location, "the server did not answer in time", exception),
                _ => exception,
            };
        }
    }

    /// <inheritdoc />
    public bool Contains(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand("SELECT 1 FROM ledger WHERE ledger_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = ledgerKey });
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public bool Commit(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return CommitBatch([(message, result)])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<bool> CommitBatch(IReadOnlyList<(StoredMessage Message, EmailResult Result)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
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

        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var stored = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            stored[i] = Write(connection, transaction, batch[i].Message, batch[i].Result, orderJson[i]);
        }

        transaction.Commit();
        return stored;
    }

    private bool Write(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredMessage message, EmailResult result, string[] orderJson)
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
            using var reader = ledger.ExecuteReader();
            if (!reader.Read())
            {
                // The key is already recorded (by an earlier run, another instance, or this batch).
                return false;
            }

            ledgerId = reader.GetInt64(0);
            orderIds = reader.GetFieldValue<long[]>(1);
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "INSERT INTO raw_message (ledger_id, bytes) VALUES ($1, $2)",
            new NpgsqlParameter<long> { TypedValue = ledgerId },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = AsArray(message.Raw) }));
        for (var index = 0; index < orders.Count; index++)
        {
            AddOrder(batch, ledgerId, orderIds[index], index, orders[index], orderJson[index], message);
        }

        batch.ExecuteNonQuery();
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

    /// <inheritdoc />
    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand();
        command.CommandText =
            "SELECT o.id, l.message_id, l.ledger_key, o.order_index, o.reference_number, o.customer, o.request_type, " +
            "o.loading_city, o.loading_country, o.loading_date, o.unloading_city, o.unloading_country, o.unloading_date, " +
            "o.vehicle_type, o.weight_kg, o.price_amount, o.price_currency " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id" + Where(command, query);
        var list = new List<OrderSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new OrderSummary(
                Id: reader.GetInt64(0),
                MessageId: reader.GetString(1),
                LedgerKey: reader.GetString(2),
                OrderIndex: reader.GetInt32(3),
                ReferenceNumber: OrderRows.TextOrNull(reader, 4),
                Customer: OrderRows.TextOrNull(reader, 5),
                RequestType: SpecText.ParseRequestType(OrderRows.TextOrNull(reader, 6)),
                LoadingCity: OrderRows.TextOrNull(reader, 7),
                LoadingCountry: OrderRows.TextOrNull(reader, 8),
                LoadingDate: reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                UnloadingCity: OrderRows.TextOrNull(reader, 10),
                UnloadingCountry: OrderRows.TextOrNull(reader, 11),
                UnloadingDate: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                VehicleType: SpecText.ParseVehicleType(OrderRows.TextOrNull(reader, 13)),
                WeightKg: reader.IsDBNull(14) ? null : reader.GetDecimal(14),
                Price: reader.IsDBNull(15) || reader.IsDBNull(16) ? null : new Price(reader.GetDecimal(15), reader.GetString(16))));
        }

        return list;
    }

    /// <inheritdoc />
    public StoredOrder? GetOrder(long id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        using var reader = command.ExecuteReader();
        return reader.Read() ? OrderRows.ReadStoredOrder(reader) : null;
    }

    /// <inheritdoc />
    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadAll(query);

        IEnumerable<StoredOrder> ReadAll(OrderQuery query)
        {
            using var command = _dataSource.CreateCommand();
            command.CommandText =
                $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
                "FROM orders o JOIN ledger l ON l.id = o.ledger_id" + Where(command, query);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return OrderRows.ReadStoredOrder(reader);
            }
        }
    }

    /// <inheritdoc />
    public LedgerCounts CountLedger()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long processed = 0, quarantined = 0;
        var byClassification = Enum.GetValues<Classification>().ToDictionary(c => c, _ => 0L);
        using var connection = _dataSource.OpenConnection();
        using (var command = new NpgsqlCommand("SELECT status, classification, COUNT(*) FROM ledger GROUP BY status, classification", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var count = reader.GetInt64(2);
                if (reader.GetString(0) == "quarantined")
                {
                    quarantined += count;
                    continue;
                }

                processed += count;
                if (SpecText.ParseClassification(OrderRows.TextOrNull(reader, 1)) is { } classification)
                {
                    byClassification[classification] += count;
                }
            }
        }

        using var orders = new NpgsqlCommand("SELECT COUNT(*) FROM orders", connection);
        return new LedgerCounts(processed, quarantined, byClassification, (long)orders.ExecuteScalar()!);
    }

    /// <inheritdoc />
    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            $"SELECT {LedgerColumns} FROM ledger l WHERE l.status = 'quarantined' ORDER BY l.id LIMIT $1 OFFSET $2");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(OrderRows.ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    /// <inheritdoc />
    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand($"SELECT {LedgerColumns} FROM ledger l WHERE l.ledger_key = $1");
        command.Parameters.Add(Text(ledgerKey));
        using var reader = command.ExecuteReader();
        return reader.Read() ? OrderRows.ReadLedgerEntry(reader, 0) : null;
    }

    /// <inheritdoc />
    public byte[]? GetRawMessage(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            "SELECT r.bytes FROM raw_message r JOIN ledger l ON l.id = r.ledger_id WHERE l.ledger_key = $1");
        command.Parameters.Add(Text(ledgerKey));
        return command.ExecuteScalar() as byte[];
    }

    /// <inheritdoc />
    public IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {LedgerColumns} FROM ledger l WHERE l.id > $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.AfterId });
        if (query.Status is { } status)
        {
            command.Parameters.Add(Text(status == LedgerStatus.Quarantined ? "quarantined" : "processed"));
            sql.Append(" AND l.status = $").Append(command.Parameters.Count);
        }

        if (query.ProcessedSince is { } since)
        {
            // The stored ISO 8601 text carries its offset: as timestamptz, instants compare whatever offset they were written with.
            command.Parameters.Add(Instant(since));
            sql.Append(" AND l.processed_at::timestamptz >= $").Append(command.Parameters.Count);
        }

        if (query.MessageId is { } messageId)
        {
            command.Parameters.Add(Text(messageId));
            sql.Append(" AND l.message_id = $").Append(command.Parameters.Count);
        }

        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        sql.Append(" ORDER BY l.id LIMIT $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(OrderRows.ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    /// <inheritdoc />
    public ReplaceOutcome Replace(StoredMessage message, EmailResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Serialised before the transaction: an order that cannot be written as JSON fails with nothing sent.
        var replacement = StoredOutcome.Of(result);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        long ledgerId;
        string oldMessageId;
        StoredOutcome current;
        // FOR UPDATE: two reprocess runs on one message serialise here instead of both replacing the orders.
        using (var read = new NpgsqlCommand("SELECT id, message_id, status, classification, error FROM ledger WHERE ledger_key = $1 FOR UPDATE", connection, transaction))
        {
            read.Parameters.Add(Text(message.LedgerKey));
            using var reader = read.ExecuteReader();
            if (!reader.Read())
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
            using var reader = read.ExecuteReader();
            while (reader.Read())
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
            orderIds = (long[])reserve.ExecuteScalar()!;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
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

        batch.ExecuteNonQuery();
        transaction.Commit();
        return ReplaceOutcome.Replaced;
    }

    /// <inheritdoc />
    public long PurgeRawMessages(DateTimeOffset processedBefore)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            "DELETE FROM raw_message WHERE ledger_id IN (SELECT id FROM ledger WHERE processed_at::timestamptz < $1)");
        command.Parameters.Add(Instant(processedBefore));
        return command.ExecuteNonQuery();
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

    /// <inheritdoc />
    public string? GetCursor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand("SELECT cursor_value FROM source_cursor WHERE source = $1");
        command.Parameters.Add(Text(source));
        return command.ExecuteScalar() as string;
    }

    /// <inheritdoc />
    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            "INSERT INTO source_cursor (source, cursor_value, saved_at) VALUES ($1, $2, $3) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = EXCLUDED.cursor_value, saved_at = EXCLUDED.saved_at");
        command.Parameters.Add(Text(source));
        command.Parameters.Add(Text(cursor));
        command.Parameters.Add(Instant(savedAt));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    /// <remarks>One upsert: concurrent callers on any instance serialise on the lease row, and the
    /// <c>WHERE</c> of <c>DO UPDATE</c> sees the row as the winner left it.</remarks>
    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            """
            INSERT INTO lease AS l (resource, holder, expires_at, acquired_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (resource) DO UPDATE
                SET holder = EXCLUDED.holder,
                    expires_at = EXCLUDED.expires_at,
                    acquired_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE EXCLUDED.acquired_at END
                WHERE l.expires_at <= $4 OR l.holder = EXCLUDED.holder
            RETURNING holder
            """);
        command.Parameters.Add(Text(resource));
        command.Parameters.Add(Text(holder));
        command.Parameters.Add(Instant(now + duration));
        command.Parameters.Add(Instant(now));
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public void Release(string resource, string holder)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand("DELETE FROM lease WHERE resource = $1 AND holder = $2");
        command.Parameters.Add(Text(resource));
        command.Parameters.Add(Text(holder));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            "SELECT id, order_key, payload_json, change FROM outbox WHERE sink = $1 AND delivered_at IS NULL ORDER BY id LIMIT $2");
        command.Parameters.Add(Text(sink));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var entries = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), sink, reader.GetString(1), reader.GetString(2)) { Change = OutboxRemovals.ParseChange(reader.GetString(3)) });
        }

        return entries;
    }

    /// <inheritdoc />
    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ids.Count == 0)
        {
            return;
        }

        using var command = _dataSource.CreateCommand(
            "UPDATE outbox SET delivered_at = $3 WHERE sink = $1 AND id = ANY($2) AND delivered_at IS NULL");
        command.Parameters.Add(Text(sink));
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ids] });
        command.Parameters.Add(Instant(deliveredAt));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public long Depth(string sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand("SELECT COUNT(*) FROM outbox WHERE sink = $1 AND delivered_at IS NULL");
        command.Parameters.Add(Text(sink));
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            "SELECT latitude, longitude, confidence FROM geocode_cache WHERE provider = $1 AND query_key = $2");
        command.Parameters.Add(Text(provider));
        command.Parameters.Add(Text(GeocodeQueryKey.Normalise(query)));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            point = null;
            return false;
        }

        point = reader.IsDBNull(0) || reader.IsDBNull(1)
            ? null
            : new GeoPoint(reader.GetDouble(0), reader.GetDouble(1), reader.IsDBNull(2) ? 1.0 : reader.GetDouble(2));
        return true;
    }

    /// <inheritdoc />
    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _dataSource.CreateCommand(
            """
            INSERT INTO geocode_cache (provider, query_key, latitude, longitude, confidence, cached_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (provider, query_key) DO UPDATE
                SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                    confidence = EXCLUDED.confidence, cached_at = EXCLUDED.cached_at
            """);
        command.Parameters.Add(Text(provider));
        command.Parameters.Add(Text(GeocodeQueryKey.Normalise(query)));
        command.Parameters.Add(Double(point?.Latitude));
        command.Parameters.Add(Double(point?.Longitude));
        command.Parameters.Add(Double(point?.Confidence));
        command.Parameters.Add(Instant(at));
        command.ExecuteNonQuery();
    }

    /// <summary>Closes the pool's connections.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dataSource.Dispose();
    }

    /// <summary>Adds the query's filters as parameters of <paramref name="command"/> and returns the WHERE/ORDER/LIMIT tail.</summary>
    private static string Where(NpgsqlCommand command, OrderQuery query)
    {
        var conditions = new List<string>();
        string Parameter(NpgsqlParameter parameter)
        {
            command.Parameters.Add(parameter);
            return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (query.LoadingFrom is { } from)
        {
            conditions.Add("o.loading_date >= " + Parameter(Date(from)));
        }

        if (query.LoadingTo is { } to)
        {
            conditions.Add("o.loading_date <= " + Parameter(Date(to)));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = Parameter(Text(query.Country.Trim().ToUpperInvariant()));
            conditions.Add($"(o.loading_country = {country} OR o.unloading_country = {country})");
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerContains))
        {
            conditions.Add($"strpos(o.customer_folded, {Parameter(Text(TextFold.Fold(query.CustomerContains.Trim())))}) > 0");
        }

        if (!string.IsNullOrWhiteSpace(query.ReferenceNumber))
        {
            conditions.Add($"lower(o.reference_number) = lower({Parameter(Text(query.ReferenceNumber.Trim()))})");
        }

        if (query.RequestType is { } requestType)
        {
            conditions.Add("o.request_type = " + Parameter(Text(SpecText.Of(requestType))));
        }

        if (query.Classification is { } classification)
        {
            conditions.Add("l.classification = " + Parameter(Text(SpecText.Of(classification))));
        }

        if (query.MessageId is { } messageId)
        {
            conditions.Add("l.message_id = " + Parameter(Text(messageId)));
        }

        var sql = new StringBuilder();
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY o.id");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(Parameter(new NpgsqlParameter<int> { TypedValue = limit }));
        }

        if (query.Offset > 0)
        {
            sql.Append(" OFFSET ").Append(Parameter(new NpgsqlParameter<int> { TypedValue = query.Offset }));
        }

        return sql.ToString();
    }

    private static (int From, int To) Migrate(NpgsqlDataSource dataSource, string location, IReadOnlyList<MigrationStep> steps, bool apply)
    {
        var latest = steps[^1].Version;
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };

        // Every process that opens the database takes this lock first, so two starting at once do
        // not both run a step; it is released with the transaction.
        command.CommandText = "SELECT pg_advisory_xact_lock(7412150301)";
        command.ExecuteNonQuery();

        var version = ReadVersion(command, location);
        var from = version;
        if (version > latest)
        {
            // Expand/contract (docs/storage.md): a later release's additive steps keep this release working.
            command.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_version' AND column_name = 'compatible_from'";
            if ((long)command.ExecuteScalar()! == 1)
            {
                command.CommandText = "SELECT compatible_from FROM schema_version WHERE id = 1";
                if (command.ExecuteScalar() is int compatibleFrom && compatibleFrom <= latest)
                {
                    transaction.Commit();
                    return (from, version);
                }
            }

            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, newer than the {latest} this program knows; use a newer FleetManager");
        }

        if (version < latest && !apply)
        {
            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, older than the {latest} this program writes, and migrations at open are disabled; run 'fleetmanager db migrate'");
        }

        foreach (var step in steps)
        {
            if (step.Version <= version)
            {
                continue;
            }

            command.Parameters.Clear();
            command.CommandText = step.Sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (PostgresException exception)
            {
                throw new OrderBookUnavailableException(
                    location, $"schema step {step.Version} failed and nothing was changed: {exception.MessageText}", exception);
            }

            command.CommandText =
                "INSERT INTO schema_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version";
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = step.Version });
            command.ExecuteNonQuery();
            version = step.Version;
        }

        transaction.Commit();
        return (from, version);
    }

    private static int ReadVersion(NpgsqlCommand command, string location)
    {
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('ledger') IS NOT NULL";
        bool hasVersion, hasLedger;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            hasVersion = reader.GetBoolean(0);
            hasLedger = reader.GetBoolean(1);
        }

        if (!hasVersion)
        {
            if (hasLedger)
            {
                // Migrating would add our tables beside somebody else's.
                throw new OrderBookUnavailableException(location, "it has a ledger table but no schema_version table (a database of another program?)");
            }

            return 0;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is int version
            ? version
            : throw new OrderBookUnavailableException(location, "its schema_version table is empty");
    }

    private static string Describe(PostgresException exception) => exception.SqlState switch
    {
        "28P01" or "28000" => "the server refused the login (check the user name and password)",
        "3D000" => "the database does not exist (create it, or fix the database name)",
        "42501" => "the user may not create or change the tables (grant it, or run 'fleetmanager db migrate' as the owner)",
        "53300" => "the server has no free connections",
        _ => exception.MessageText,
    };

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };

    private static NpgsqlParameter Date(DateOnly? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Date, Value = value is { } date ? date : DBNull.Value };

    private static NpgsqlParameter Time(TimeOnly? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Time, Value = value is { } time ? time : DBNull.Value };

    private static NpgsqlParameter Numeric(decimal? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Numeric, Value = value is { } number ? number : DBNull.Value };

    private static NpgsqlParameter Double(double? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Double, Value = value is { } number ? number : DBNull.Value };

    /// <summary>timestamptz takes UTC instants only (Npgsql refuses other offsets).</summary>
    private static NpgsqlParameter Instant(DateTimeOffset value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.ToUniversalTime() };

    private static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
}
