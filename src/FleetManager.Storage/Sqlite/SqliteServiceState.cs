using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Text;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>The service's state on SQLite: each source's cursor, the leases, the outbox and the geocode cache.</summary>
internal sealed class SqliteServiceState(SqliteConnection connection)
{
    private readonly SqliteConnection _connection = connection;

    public string? GetCursor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT cursor_value FROM source_cursor WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        return command.ExecuteScalar() as string;
    }

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "INSERT INTO source_cursor (source, cursor_value, saved_at) VALUES ($source, $cursor, $saved_at) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = excluded.cursor_value, saved_at = excluded.saved_at";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$saved_at", SpecText.Of(savedAt));
        command.ExecuteNonQuery();
    }

    /// <remarks>
    /// One upsert statement, which SQLite runs as its own write transaction: the check (free, expired
    /// or ours) and the take cannot be split by another process sharing the file.
    /// </remarks>
    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO lease (resource, holder, expires_at_ms, acquired_at) VALUES ($resource, $holder, $expires, $now_text)
            ON CONFLICT (resource) DO UPDATE
                SET holder = excluded.holder,
                    expires_at_ms = excluded.expires_at_ms,
                    acquired_at = CASE WHEN lease.holder = excluded.holder THEN lease.acquired_at ELSE excluded.acquired_at END
                WHERE lease.expires_at_ms <= $now OR lease.holder = excluded.holder
            RETURNING holder
            """;
        command.Parameters.AddWithValue("$resource", resource);
        command.Parameters.AddWithValue("$holder", holder);
        command.Parameters.AddWithValue("$expires", (now + duration).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now_text", SpecText.Of(now));
        return command.ExecuteScalar() is not null;
    }

    public void Release(string resource, string holder)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM lease WHERE resource = $resource AND holder = $holder";
        command.Parameters.AddWithValue("$resource", resource);
        command.Parameters.AddWithValue("$holder", holder);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT id, order_key, payload_json, change FROM outbox WHERE sink = $sink AND delivered_at IS NULL ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$sink", sink);
        command.Parameters.AddWithValue("$max", max);
        var entries = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), sink, reader.GetString(1), reader.GetString(2)) { Change = OutboxRemovals.ParseChange(reader.GetString(3)) });
        }

        return entries;
    }

    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE outbox SET delivered_at = $delivered_at WHERE id = $id AND sink = $sink AND delivered_at IS NULL";
        var id = command.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        command.Parameters.AddWithValue("$sink", sink);
        command.Parameters.AddWithValue("$delivered_at", SpecText.Of(deliveredAt));
        foreach (var value in ids)
        {
            id.Value = value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public long Depth(string sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sink = $sink AND delivered_at IS NULL";
        command.Parameters.AddWithValue("$sink", sink);
        return (long)command.ExecuteScalar()!;
    }

    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT latitude, longitude, confidence FROM geocode_cache WHERE provider = $provider AND query_key = $query";
        command.Parameters.AddWithValue("$provider", provider);
        command.Parameters.AddWithValue("$query", GeocodeQueryKey.Normalise(query));
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

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO geocode_cache (provider, query_key, latitude, longitude, confidence, cached_at)
            VALUES ($provider, $query, $latitude, $longitude, $confidence, $cached_at)
            ON CONFLICT (provider, query_key) DO UPDATE
                SET latitude = excluded.latitude, longitude = excluded.longitude,
                    confidence = excluded.confidence, cached_at = excluded.cached_at
            """;
        command.Parameters.AddWithValue("$provider", provider);
        command.Parameters.AddWithValue("$query", GeocodeQueryKey.Normalise(query));
        command.Parameters.AddWithValue("$latitude", point is null ? DBNull.Value : point.Latitude);
        command.Parameters.AddWithValue("$longitude", point is null ? DBNull.Value : point.Longitude);
        command.Parameters.AddWithValue("$confidence", point is null ? DBNull.Value : point.Confidence);
        command.Parameters.AddWithValue("$cached_at", SpecText.Of(at));
        command.ExecuteNonQuery();
    }
}
