using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Corrections;

/// <summary>
/// <see cref="IOrderCorrections"/> on a SQLite order book, on a connection of its own (WAL lets it write
/// beside the order book's connection). The schema (version 4) is created by <see cref="Sqlite.SqliteOrderBook"/>'s migration.
/// </summary>
public sealed class SqliteCorrections : IOrderCorrections
{
    private readonly SqliteConnection _connection;

    private SqliteCorrections(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the corrections of the order book at <paramref name="path"/>, which must already be migrated to version 4 or later.</summary>
    /// <exception cref="OrderBookUnavailableException">The file cannot be opened or has no corrections tables.</exception>
    public static SqliteCorrections Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 5000; SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'order_correction'";
            if ((long)command.ExecuteScalar()! == 0)
            {
                throw new OrderBookUnavailableException(path, "it has no corrections tables (schema version 4); open it once with this release to migrate it");
            }
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new OrderBookUnavailableException(path, exception.Message, exception);
        }

        return new SqliteCorrections(connection);
    }

    public OrderCorrection Add(long orderId, string field, string? valueRead, string? valueSet, string correctedBy, DateTimeOffset correctedAt)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at)
            VALUES ($order, $field, $read, $set, $by, $at) RETURNING id
            """;
        command.Parameters.AddWithValue("$order", orderId);
        command.Parameters.AddWithValue("$field", field);
        command.Parameters.AddWithValue("$read", (object?)valueRead ?? DBNull.Value);
        command.Parameters.AddWithValue("$set", (object?)valueSet ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", correctedBy);
        command.Parameters.AddWithValue("$at", SpecText.Of(correctedAt));
        var id = (long)command.ExecuteScalar()!;
        return new OrderCorrection(id, orderId, field, valueRead, valueSet, correctedBy, correctedAt);
    }

    public IReadOnlyList<OrderCorrection> For(long orderId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, order_id, field, value_read, value_set, corrected_by, corrected_at FROM order_correction WHERE order_id = $order ORDER BY id";
        command.Parameters.AddWithValue("$order", orderId);
        return ReadCorrections(command);
    }

    public IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> All()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, order_id, field, value_read, value_set, corrected_by, corrected_at FROM order_correction ORDER BY order_id, id";
        return ReadCorrections(command).GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<OrderCorrection>)g.ToList());
    }

    public void SetStatus(long orderId, OrderStatus status, string changedBy, DateTimeOffset changedAt)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ($order, $status, $by, $at)
            ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """;
        command.Parameters.AddWithValue("$order", orderId);
        command.Parameters.AddWithValue("$status", OrderStatusNames.Of(status));
        command.Parameters.AddWithValue("$by", changedBy);
        command.Parameters.AddWithValue("$at", SpecText.Of(changedAt));
        command.ExecuteNonQuery();
    }

    public OrderReview StatusOf(long orderId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT order_id, status, changed_by, changed_at FROM order_status WHERE order_id = $order";
        command.Parameters.AddWithValue("$order", orderId);
        return ReadReviews(command).FirstOrDefault() ?? OrderReview.Untouched(orderId);
    }

    public IReadOnlyDictionary<long, OrderReview> Statuses()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT order_id, status, changed_by, changed_at FROM order_status";
        return ReadReviews(command).ToDictionary(r => r.OrderId);
    }

    public void Dispose() => _connection.Dispose();

    private static List<OrderCorrection> ReadCorrections(SqliteCommand command)
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
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return list;
    }

    private static List<OrderReview> ReadReviews(SqliteCommand command)
    {
        var list = new List<OrderReview>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = OrderStatusNames.TryParse(reader.GetString(1), out var status); // an unknown name reads as the default status
            list.Add(new OrderReview(reader.GetInt64(0), status, reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return list;
    }
}
