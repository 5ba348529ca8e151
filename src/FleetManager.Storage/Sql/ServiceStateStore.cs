using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The service's state, one text for both back-ends: each source's cursor, the leases, the outbox and the
/// geocode cache. The lease upsert and the delivery mark differ by back-end and are the dialect's.
/// </summary>
internal sealed class ServiceStateStore(SqlDialect dialect)
{
    public string? GetCursor(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT cursor_value FROM source_cursor WHERE source = " + dialect.AddText(command, source);
        return command.ExecuteScalar() as string;
    }

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "INSERT INTO source_cursor (source, cursor_value, saved_at) " +
            $"VALUES ({dialect.AddText(command, source)}, {dialect.AddText(command, cursor)}, {dialect.AddInstant(command, savedAt)}) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = excluded.cursor_value, saved_at = excluded.saved_at";
        command.ExecuteNonQuery();
    }

    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return dialect.TryAcquireLease(resource, holder, duration, now);
    }

    public void Release(string resource, string holder)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        using var command = dialect.CreateCommand();
        command.CommandText = $"DELETE FROM lease WHERE resource = {dialect.AddText(command, resource)} AND holder = {dialect.AddText(command, holder)}";
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT id, order_key, payload_json, change FROM outbox WHERE sink = {dialect.AddText(command, sink)} AND delivered_at IS NULL " +
            $"ORDER BY id LIMIT {dialect.AddInt(command, max)}";
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
        if (ids.Count > 0)
        {
            dialect.MarkDelivered(sink, ids, deliveredAt);
        }
    }

    public long Depth(string sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sink = " + dialect.AddText(command, sink) + " AND delivered_at IS NULL";
        return (long)command.ExecuteScalar()!;
    }

    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "SELECT latitude, longitude, confidence FROM geocode_cache " +
            $"WHERE provider = {dialect.AddText(command, provider)} AND query_key = {dialect.AddText(command, GeocodeQueryKey.Normalise(query))}";
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
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"""
            INSERT INTO geocode_cache (provider, query_key, latitude, longitude, confidence, cached_at)
            VALUES ({dialect.AddText(command, provider)}, {dialect.AddText(command, GeocodeQueryKey.Normalise(query))},
                    {dialect.AddDouble(command, point?.Latitude)}, {dialect.AddDouble(command, point?.Longitude)},
                    {dialect.AddDouble(command, point?.Confidence)}, {dialect.AddInstant(command, at)})
            ON CONFLICT (provider, query_key) DO UPDATE
                SET latitude = excluded.latitude, longitude = excluded.longitude,
                    confidence = excluded.confidence, cached_at = excluded.cached_at
            """;
        command.ExecuteNonQuery();
    }
}
