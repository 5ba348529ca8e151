using FleetManager.Storage.Postgres;
using Npgsql;

namespace FleetManager.Storage.Corrections;

/// <summary>
/// <see cref="IOrderCorrections"/> on a PostgreSQL order book, with pooled connections of its own. The schema
/// (version 4) is created by <see cref="PostgresOrderBook"/>'s migration.
/// </summary>
public sealed class PostgresCorrections : IOrderCorrections
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresCorrections(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Opens the corrections of the order book that <paramref name="connectionString"/> names (already migrated).</summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached or the schema has no corrections tables.</exception>
    public static PostgresCorrections Open(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var location = PostgresConnectionString.Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = dataSource.OpenConnection();
            using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'order_correction'", connection);
            if ((long)command.ExecuteScalar()! == 0)
            {
                throw new OrderBookUnavailableException(location, "it has no corrections tables (schema version 4); open it once with this release to migrate it");
            }
        }
        catch (NpgsqlException exception)
        {
            dataSource.Dispose();
            throw new OrderBookUnavailableException(location, exception.Message, exception);
        }
        catch (OrderBookUnavailableException)
        {
            dataSource.Dispose();
            throw;
        }

        return new PostgresCorrections(dataSource);
    }

    public OrderCorrection Add(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = field });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)valueRead ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)valueSet ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = correctedBy });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = correctedAt.ToUniversalTime() });
        var id = (long)command.ExecuteScalar()!;
        return new OrderCorrection(id, orderId, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    public IReadOnlyList<OrderCorrection> For(long orderId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, order_id, field, value_read, value_set, corrected_by, corrected_at FROM order_correction WHERE order_id = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        return ReadCorrections(command);
    }

    public IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> All()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT id, order_id, field, value_read, value_set, corrected_by, corrected_at FROM order_correction ORDER BY order_id, id", connection);
        return ReadCorrections(command).GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<OrderCorrection>)g.ToList());
    }

    public void SetStatus(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("""
            INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OrderStatusNames.Of(status) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = changedBy });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = changedAt.ToUniversalTime() });
        command.ExecuteNonQuery();
    }

    public OrderReview StatusOf(long orderId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT order_id, status, changed_by, changed_at FROM order_status WHERE order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = orderId });
        return ReadReviews(command).FirstOrDefault() ?? OrderReview.Untouched(orderId);
    }

    public IReadOnlyDictionary<long, OrderReview> Statuses()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT order_id, status, changed_by, changed_at FROM order_status", connection);
        return ReadReviews(command).ToDictionary(r => r.OrderId);
    }

    public void Dispose() => _dataSource.Dispose();

    private static List<OrderCorrection> ReadCorrections(NpgsqlCommand command)
    {
        var list = new List<OrderCorrection>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new OrderCorrection(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }

    private static List<OrderReview> ReadReviews(NpgsqlCommand command)
    {
        var list = new List<OrderReview>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = OrderStatusNames.TryParse(reader.GetString(1), out var status); // an unknown name reads as the default status
            list.Add(new OrderReview(reader.GetInt64(0), status, reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return list;
    }
}
