using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>The order book's reads on SQLite: order lists and details, ledger pages and counts, raw messages.</summary>
internal sealed class SqliteOrderQueries(SqliteConnection connection)
{
    private const string LedgerColumns = OrderRows.LedgerColumns;

    private readonly SqliteConnection _connection = connection;

    /// <summary>Orders matching <paramref name="query"/> as list rows, ordered by id.</summary>
    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
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
                ReferenceNumber: TextOrNull(reader, 4),
                Customer: TextOrNull(reader, 5),
                RequestType: SpecText.ParseRequestType(TextOrNull(reader, 6)),
                LoadingCity: TextOrNull(reader, 7),
                LoadingCountry: TextOrNull(reader, 8),
                LoadingDate: SpecText.ParseDate(TextOrNull(reader, 9)),
                UnloadingCity: TextOrNull(reader, 10),
                UnloadingCountry: TextOrNull(reader, 11),
                UnloadingDate: SpecText.ParseDate(TextOrNull(reader, 12)),
                VehicleType: SpecText.ParseVehicleType(TextOrNull(reader, 13)),
                WeightKg: reader.IsDBNull(14) ? null : (decimal)reader.GetDouble(14),
                Price: reader.IsDBNull(15) || reader.IsDBNull(16)
                    ? null
                    : new Price((decimal)reader.GetDouble(15), reader.GetString(16))));
        }

        return list;
    }

    /// <summary>One order with its stops, field evidence and message metadata; null when there is no such id.</summary>
    public StoredOrder? GetOrder(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStoredOrder(reader) : null;
    }

    /// <summary>
    /// Orders matching <paramref name="query"/> in full, ordered by id, read one at a time as the
    /// caller enumerates (for exports of any size). Finish or dispose the enumeration before the
    /// next <see cref="Commit"/> on this instance.
    /// </summary>
    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAll(query);

        IEnumerable<StoredOrder> ReadAll(OrderQuery query)
        {
            using var command = _connection.CreateCommand();
            command.CommandText =
                $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
                "FROM orders o JOIN ledger l ON l.id = o.ledger_id" + Where(command, query);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return ReadStoredOrder(reader);
            }
        }
    }

    /// <summary>How many messages were processed and quarantined, processed ones by classification, and the number of orders.</summary>
    public LedgerCounts CountLedger()
    {
        long processed = 0, quarantined = 0;
        var byClassification = Enum.GetValues<Classification>().ToDictionary(c => c, _ => 0L);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT status, classification, COUNT(*) FROM ledger GROUP BY status, classification";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt64(2);
                if (reader.GetString(0) == "quarantined")
                {
                    quarantined += count;
                    continue;
                }

                processed += count;
                if (SpecText.ParseClassification(TextOrNull(reader, 1)) is { } classification)
                {
                    byClassification[classification] += count;
                }
            }
        }

        using var orders = _connection.CreateCommand();
        orders.CommandText = "SELECT COUNT(*) FROM orders";
        return new LedgerCounts(processed, quarantined, byClassification, (long)orders.ExecuteScalar()!);
    }

    /// <summary>Quarantined messages (with their reasons), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT {LedgerColumns} FROM ledger l WHERE l.status = 'quarantined' ORDER BY l.id LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    /// <summary>The ledger row for a message; null when the key is not recorded.</summary>
    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {LedgerColumns} FROM ledger l WHERE l.ledger_key = $key";
        command.Parameters.AddWithValue("$key", ledgerKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadLedgerEntry(reader, 0) : null;
    }

    /// <summary>The message's bytes as received; null when the key is not recorded.</summary>
    public byte[]? GetRawMessage(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT r.bytes FROM raw_message r JOIN ledger l ON l.id = r.ledger_id WHERE l.ledger_key = $key";
        command.Parameters.AddWithValue("$key", ledgerKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
    }

    public IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        using var command = _connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {LedgerColumns} FROM ledger l WHERE l.id > $after");
        command.Parameters.AddWithValue("$after", query.AfterId);
        if (query.Status is { } status)
        {
            sql.Append(" AND l.status = $status");
            command.Parameters.AddWithValue("$status", status == LedgerStatus.Quarantined ? "quarantined" : "processed");
        }

        if (query.ProcessedSince is { } since)
        {
            // julianday reads the stored ISO 8601 text with its offset, so instants compare whatever offset they were written with.
            sql.Append(" AND julianday(l.processed_at) >= julianday($since)");
            command.Parameters.AddWithValue("$since", SpecText.Of(since));
        }

        if (query.MessageId is { } messageId)
        {
            sql.Append(" AND l.message_id = $message_id");
            command.Parameters.AddWithValue("$message_id", messageId);
        }

        sql.Append(" ORDER BY l.id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();
        var list = new List<LedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadLedgerEntry(reader, 0));
        }

        return list;
    }

    private static StoredOrder ReadStoredOrder(SqliteDataReader reader) => OrderRows.ReadStoredOrder(reader);

    private static LedgerEntry ReadLedgerEntry(SqliteDataReader reader, int first) => OrderRows.ReadLedgerEntry(reader, first);

    /// <summary>Adds the query's filters as parameters of <paramref name="command"/> and returns the WHERE/ORDER/LIMIT tail.</summary>
    private static string Where(SqliteCommand command, OrderQuery query)
    {
        var conditions = new List<string>();
        if (query.LoadingFrom is { } from)
        {
            conditions.Add("o.loading_date >= $loading_from");
            command.Parameters.AddWithValue("$loading_from", SpecText.Of(from));
        }

        if (query.LoadingTo is { } to)
        {
            conditions.Add("o.loading_date <= $loading_to");
            command.Parameters.AddWithValue("$loading_to", SpecText.Of(to));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            conditions.Add("(o.loading_country = $country OR o.unloading_country = $country)");
            command.Parameters.AddWithValue("$country", query.Country.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerContains))
        {
            conditions.Add("instr(fm_fold(o.customer), $customer) > 0");
            command.Parameters.AddWithValue("$customer", TextFold.Fold(query.CustomerContains.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.ReferenceNumber))
        {
            conditions.Add("o.reference_number = $reference COLLATE NOCASE");
            command.Parameters.AddWithValue("$reference", query.ReferenceNumber.Trim());
        }

        if (query.RequestType is { } requestType)
        {
            conditions.Add("o.request_type = $request_type");
            command.Parameters.AddWithValue("$request_type", SpecText.Of(requestType));
        }

        if (query.Classification is { } classification)
        {
            conditions.Add("l.classification = $classification");
            command.Parameters.AddWithValue("$classification", SpecText.Of(classification));
        }

        if (query.MessageId is { } messageId)
        {
            conditions.Add("l.message_id = $message_id");
            command.Parameters.AddWithValue("$message_id", messageId);
        }

        var sql = new StringBuilder();
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY o.id");
        if (query.Limit is not null || query.Offset > 0)
        {
            // SQLite needs a LIMIT for an OFFSET; -1 means no limit.
            sql.Append(" LIMIT $limit OFFSET $offset");
            command.Parameters.AddWithValue("$limit", query.Limit ?? -1);
            command.Parameters.AddWithValue("$offset", query.Offset);
        }

        return sql.ToString();
    }

    private static string? TextOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
