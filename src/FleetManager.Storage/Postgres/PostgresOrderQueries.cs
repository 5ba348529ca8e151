using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Text;
using Npgsql;
using static FleetManager.Storage.Postgres.PostgresParameters;

namespace FleetManager.Storage.Postgres;

/// <summary>The order book's reads on PostgreSQL: the ledger look-up, order lists and details, ledger pages and counts, raw messages.</summary>
internal sealed class PostgresOrderQueries(NpgsqlDataSource dataSource)
{
    private const string LedgerColumns = OrderRows.LedgerColumns;

    private readonly NpgsqlDataSource _dataSource = dataSource;

    public bool Contains(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = _dataSource.CreateCommand("SELECT 1 FROM ledger WHERE ledger_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = ledgerKey });
        return command.ExecuteScalar() is not null;
    }

    public IReadOnlyList<OrderSummary> ListOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
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

    public StoredOrder? GetOrder(long id)
    {
        using var command = _dataSource.CreateCommand(
            $"SELECT o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns} " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        using var reader = command.ExecuteReader();
        return reader.Read() ? OrderRows.ReadStoredOrder(reader) : null;
    }

    public IEnumerable<StoredOrder> QueryOrders(OrderQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
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

    public LedgerCounts CountLedger()
    {
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

    public IReadOnlyList<LedgerEntry> ListQuarantined(int limit = 100, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
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

    public LedgerEntry? GetLedgerEntry(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = _dataSource.CreateCommand($"SELECT {LedgerColumns} FROM ledger l WHERE l.ledger_key = $1");
        command.Parameters.Add(Text(ledgerKey));
        using var reader = command.ExecuteReader();
        return reader.Read() ? OrderRows.ReadLedgerEntry(reader, 0) : null;
    }

    public byte[]? GetRawMessage(string ledgerKey)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = _dataSource.CreateCommand(
            "SELECT r.bytes FROM raw_message r JOIN ledger l ON l.id = r.ledger_id WHERE l.ledger_key = $1");
        command.Parameters.Add(Text(ledgerKey));
        return command.ExecuteScalar() as byte[];
    }

    public IReadOnlyList<LedgerEntry> ListLedger(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
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
}
