using FleetManager.Core.Model;
using FleetManager.Core.Text;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The order book's reads, one text for both back-ends: the ledger look-up, order lists and details, ledger
/// pages and counts, raw messages. Row mapping is <see cref="OrderRows"/>; what differs is the <see cref="SqlDialect"/>'s.
/// </summary>
internal sealed class OrderBookQueries(SqlDialect dialect)
{
    private const string LedgerColumns = OrderRows.LedgerColumns;

    private const string SummaryColumns =
        "o.id, l.message_id, l.ledger_key, o.order_index, o.reference_number, o.customer, o.request_type, " +
        "o.loading_city, o.loading_country, o.loading_date, o.unloading_city, o.unloading_country, o.unloading_date, " +
        "o.vehicle_type, o.weight_kg, o.price_amount, o.price_currency";

    internal const string StoredOrderColumns = $"o.id, o.order_index, o.order_json, o.sources_json, {LedgerColumns}";

    public async ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT 1 FROM ledger WHERE ledger_key = " + dialect.AddText(command, ledgerKey);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>True when the ledger holds the key as quarantined (the import labels a re-read message by it).</summary>
    public async ValueTask<bool> IsQuarantinedAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT 1 FROM ledger WHERE status = 'quarantined' AND ledger_key = " + dialect.AddText(command, ledgerKey);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async ValueTask<IReadOnlyList<OrderSummary>> ListOrdersAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM orders o JOIN ledger l ON l.id = o.ledger_id" + OrderFilterSql.Where(dialect, command, query);
        var list = new List<OrderSummary>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var amount = dialect.ReadDecimal(reader, 15);
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
                LoadingDate: dialect.ReadDate(reader, 9),
                UnloadingCity: OrderRows.TextOrNull(reader, 10),
                UnloadingCountry: OrderRows.TextOrNull(reader, 11),
                UnloadingDate: dialect.ReadDate(reader, 12),
                VehicleType: SpecText.ParseVehicleType(OrderRows.TextOrNull(reader, 13)),
                WeightKg: dialect.ReadDecimal(reader, 14),
                Price: amount is null || reader.IsDBNull(16) ? null : new Price(amount.Value, reader.GetString(16))));
        }

        return list;
    }

    public async ValueTask<StoredOrder?> GetOrderAsync(long id, CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {StoredOrderColumns} FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = " + dialect.AddLong(command, id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? OrderRows.ReadStoredOrder(reader) : null;
    }

    /// <summary>Read as the caller enumerates; the query is checked now, the statement runs at the first <c>MoveNextAsync</c>.</summary>
    public IAsyncEnumerable<StoredOrder> QueryOrdersAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAll(query, cancellationToken);

        async IAsyncEnumerable<StoredOrder> ReadAll(OrderQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var command = dialect.CreateCommand();
            command.CommandText = $"SELECT {StoredOrderColumns} FROM orders o JOIN ledger l ON l.id = o.ledger_id" + OrderFilterSql.Where(dialect, command, query);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return OrderRows.ReadStoredOrder(reader);
            }
        }
    }

    public async ValueTask<LedgerCounts> CountLedgerAsync(CancellationToken cancellationToken)
    {
        long processed = 0, quarantined = 0;
        var byClassification = Enum.GetValues<Classification>().ToDictionary(c => c, _ => 0L);
        using (var command = dialect.CreateCommand())
        {
            command.CommandText = "SELECT status, classification, COUNT(*) FROM ledger GROUP BY status, classification";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

        using var orders = dialect.CreateCommand();
        orders.CommandText = "SELECT COUNT(*) FROM orders";
        return new LedgerCounts(processed, quarantined, byClassification, (long)(await orders.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    public async ValueTask<IReadOnlyList<LedgerEntry>> ListQuarantinedAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT {LedgerColumns} FROM ledger l WHERE l.status = 'quarantined' ORDER BY l.id " +
            $"LIMIT {dialect.AddInt(command, limit)} OFFSET {dialect.AddInt(command, offset)}";
        return await ReadLedgerAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<LedgerEntry?> GetLedgerEntryAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = dialect.CreateCommand();
        command.CommandText = $"SELECT {LedgerColumns} FROM ledger l WHERE l.ledger_key = " + dialect.AddText(command, ledgerKey);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? OrderRows.ReadLedgerEntry(reader, 0) : null;
    }

    public async ValueTask<byte[]?> GetRawMessageAsync(string ledgerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "SELECT r.bytes FROM raw_message r JOIN ledger l ON l.id = r.ledger_id WHERE l.ledger_key = " + dialect.AddText(command, ledgerKey);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    public async ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        using var command = dialect.CreateCommand();
        command.CommandText = OrderFilterSql.Ledger(dialect, command, query);
        return await ReadLedgerAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(System.Data.Common.DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<LedgerEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(OrderRows.ReadLedgerEntry(reader, 0));
        }

        return list;
    }
}
