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

    public void RecordFailedPush(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(error);
        if (ids.Count == 0)
        {
            return;
        }

        // One statement per row in one transaction: the ids are at most a sink's batch, and a delivered row (another
        // process pushed it meanwhile) keeps its history untouched.
        dialect.InTransaction(command =>
        {
            foreach (var id in ids)
            {
                command.Parameters.Clear();
                command.CommandText =
                    $"UPDATE outbox SET attempts = attempts + 1, last_error = {dialect.AddText(command, error)}, " +
                    $"last_attempt_at = {dialect.AddInstant(command, attemptedAt)} " +
                    $"WHERE id = {dialect.AddLong(command, id)} AND sink = {dialect.AddText(command, sink)} AND delivered_at IS NULL";
                command.ExecuteNonQuery();
            }

            return ids.Count;
        });
    }

    public FailingOutboxSelection SelectFailingOutbox(int minAttempts, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rows = new List<FailingOutboxRow>();
        using (var command = dialect.CreateCommand())
        {
            command.CommandText =
                "SELECT x.id, x.sink, x.order_key, x.order_id, o.reference_number, x.attempts, x.last_error, x.last_attempt_at " +
                "FROM outbox x LEFT JOIN orders o ON o.id = x.order_id " +
                $"WHERE x.delivered_at IS NULL AND x.attempts >= {dialect.AddInt(command, minAttempts)} " +
                $"ORDER BY x.attempts DESC, x.id LIMIT {dialect.AddInt(command, limit)}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new FailingOutboxRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : dialect.ReadInstant(reader, 7)));
            }
        }

        using var count = dialect.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND attempts >= {dialect.AddInt(count, minAttempts)}";
        return new FailingOutboxSelection(rows, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public int RetryFailingOutbox(int minAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minAttempts, 1);
        using var command = dialect.CreateCommand();

        // The last error stays: it is what the row went through, and the row leaves the failing list by its count.
        command.CommandText = $"UPDATE outbox SET attempts = 0 WHERE delivered_at IS NULL AND attempts >= {dialect.AddInt(command, minAttempts)}";
        return command.ExecuteNonQuery();
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
