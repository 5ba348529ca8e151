using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Npgsql;
using static FleetManager.Storage.Postgres.PostgresParameters;

namespace FleetManager.Storage.Postgres;

/// <summary>The service's state on PostgreSQL: each source's cursor, the leases, the outbox and the geocode cache.</summary>
internal sealed class PostgresServiceState(NpgsqlDataSource dataSource)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;

    public string? GetCursor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = _dataSource.CreateCommand("SELECT cursor_value FROM source_cursor WHERE source = $1");
        command.Parameters.Add(Text(source));
        return command.ExecuteScalar() as string;
    }

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        using var command = _dataSource.CreateCommand(
            "INSERT INTO source_cursor (source, cursor_value, saved_at) VALUES ($1, $2, $3) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = EXCLUDED.cursor_value, saved_at = EXCLUDED.saved_at");
        command.Parameters.Add(Text(source));
        command.Parameters.Add(Text(cursor));
        command.Parameters.Add(Instant(savedAt));
        command.ExecuteNonQuery();
    }

    /// <remarks>One upsert: concurrent callers on any instance serialise on the lease row, and the
    /// <c>WHERE</c> of <c>DO UPDATE</c> sees the row as the winner left it.</remarks>
    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
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

    public void Release(string resource, string holder)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        using var command = _dataSource.CreateCommand("DELETE FROM lease WHERE resource = $1 AND holder = $2");
        command.Parameters.Add(Text(resource));
        command.Parameters.Add(Text(holder));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
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

    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
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

    public long Depth(string sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var command = _dataSource.CreateCommand("SELECT COUNT(*) FROM outbox WHERE sink = $1 AND delivered_at IS NULL");
        command.Parameters.Add(Text(sink));
        return (long)command.ExecuteScalar()!;
    }

    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
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

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
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
}
