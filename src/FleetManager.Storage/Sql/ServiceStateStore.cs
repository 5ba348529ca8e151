using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The service's state, one text for both back-ends: each source's cursor, the leases, the outbox, the
/// geocode cache and the raw-message purge. The lease upsert and the delivery mark differ by back-end and are the dialect's.
/// </summary>
/// <remarks>
/// The service's ports are asynchronous: on PostgreSQL each call awaits Npgsql's I/O on a pooled connection; on SQLite
/// the same calls complete synchronously (Microsoft.Data.Sqlite's async methods run synchronously), under the store's gate.
/// The dashboard's failing-outbox list and its retry stay synchronous (the dashboard's reads are a later step).
/// </remarks>
internal sealed class ServiceStateStore(SqlDialect dialect)
{
    public async ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT cursor_value FROM source_cursor WHERE source = " + dialect.AddText(command, source);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cursor);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "INSERT INTO source_cursor (source, cursor_value, saved_at) " +
            $"VALUES ({dialect.AddText(command, source)}, {dialect.AddText(command, cursor)}, {dialect.AddInstant(command, savedAt)}) " +
            "ON CONFLICT (source) DO UPDATE SET cursor_value = excluded.cursor_value, saved_at = excluded.saved_at";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<bool> TryAcquireAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return dialect.TryAcquireLeaseAsync(resource, holder, duration, now, cancellationToken);
    }

    public async ValueTask ReleaseAsync(string resource, string holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(holder);
        using var command = dialect.CreateCommand();
        command.CommandText = $"DELETE FROM lease WHERE resource = {dialect.AddText(command, resource)} AND holder = {dialect.AddText(command, holder)}";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        using var command = dialect.CreateCommand();
        command.CommandText =
            $"SELECT id, order_key, payload_json, change FROM outbox WHERE sink = {dialect.AddText(command, sink)} AND delivered_at IS NULL " +
            $"ORDER BY id LIMIT {dialect.AddInt(command, max)}";
        var entries = new List<OutboxEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), sink, reader.GetString(1), reader.GetString(2)) { Change = OutboxRemovals.ParseChange(reader.GetString(3)) });
        }

        return entries;
    }

    public ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count > 0 ? dialect.MarkDeliveredAsync(sink, ids, deliveredAt, cancellationToken) : ValueTask.CompletedTask;
    }

    public async ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var command = dialect.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sink = " + dialect.AddText(command, sink) + " AND delivered_at IS NULL";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask RecordFailedPushAsync(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt, CancellationToken cancellationToken)
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
        await dialect.InTransactionAsync(
            async (command, token) =>
            {
                foreach (var id in ids)
                {
                    command.Parameters.Clear();
                    command.CommandText =
                        $"UPDATE outbox SET attempts = attempts + 1, last_error = {dialect.AddText(command, error)}, " +
                        $"last_attempt_at = {dialect.AddInstant(command, attemptedAt)} " +
                        $"WHERE id = {dialect.AddLong(command, id)} AND sink = {dialect.AddText(command, sink)} AND delivered_at IS NULL";
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                return ids.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<FailingOutboxSelection> SelectFailingOutboxAsync(int minAttempts, int limit, CancellationToken cancellationToken)
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
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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
        return new FailingOutboxSelection(rows, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask<int> RetryFailingOutboxAsync(int minAttempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minAttempts, 1);
        using var command = dialect.CreateCommand();

        // The last error stays: it is what the row went through, and the row leaves the failing list by its count.
        command.CommandText = $"UPDATE outbox SET attempts = 0 WHERE delivered_at IS NULL AND attempts >= {dialect.AddInt(command, minAttempts)}";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<GeocodeCacheHit?> GetGeocodeAsync(string provider, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(query);
        using var command = dialect.CreateCommand();
        command.CommandText =
            "SELECT latitude, longitude, confidence FROM geocode_cache " +
            $"WHERE provider = {dialect.AddText(command, provider)} AND query_key = {dialect.AddText(command, GeocodeQueryKey.Normalise(query))}";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new GeocodeCacheHit(reader.IsDBNull(0) || reader.IsDBNull(1)
            ? null
            : new GeoPoint(reader.GetDouble(0), reader.GetDouble(1), reader.IsDBNull(2) ? 1.0 : reader.GetDouble(2)));
    }

    public async ValueTask PutGeocodeAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken)
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
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the raw bytes of the messages processed before <paramref name="processedBefore"/> (one statement, so it
    /// is atomic on either back-end); the ledger rows and orders stay. The instant is compared as the dialect compares
    /// processing times, whatever offset they were written with.
    /// </summary>
    public async ValueTask<long> PurgeRawMessagesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText =
            "DELETE FROM raw_message WHERE ledger_id IN (SELECT l.id FROM ledger l WHERE NOT (" +
            dialect.ProcessedAtOrAfter(dialect.AddInstant(command, processedBefore)) + "))";
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
