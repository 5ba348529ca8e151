using System.Data.Common;
using System.Globalization;
using System.Text;
using FleetManager.Core.Text;
using FleetManager.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Sqlite;

/// <summary>
/// SQLite's spelling of the shared statements: everything on the book's one connection, named parameters
/// (<c>$p1</c>, <c>$p2</c>, …), dates and instants as ISO 8601 text, amounts as REAL, case-insensitive and
/// folded matches through <c>COLLATE NOCASE</c> and the <c>fm_fold</c> function the opener registers.
/// </summary>
internal sealed class SqliteDialect(SqliteConnection connection) : SqlDialect
{
    public override DbCommand CreateCommand() => connection.CreateCommand();

    public override string AddText(DbCommand command, string? value) => Add(command, value is null ? DBNull.Value : value);

    public override string AddInt(DbCommand command, int value) => Add(command, value);

    public override string AddLong(DbCommand command, long value) => Add(command, value);

    public override string AddDouble(DbCommand command, double? value) => Add(command, value is { } number ? number : DBNull.Value);

    public override string AddDate(DbCommand command, DateOnly value) => Add(command, SpecText.Of(value));

    public override string AddInstant(DbCommand command, DateTimeOffset value) => Add(command, SpecText.Of(value));

    public override string CustomerContains(string parameter) => $"instr(fm_fold(o.customer), {parameter}) > 0";

    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    // The trigram index answers terms of three characters or more (a quoted phrase of consecutive trigrams is exactly
    // a substring match); a shorter term has no trigram, so it scans order_list as the search did before the index.
    public override string SearchMatches(DbCommand command, string folded) =>
        folded.EnumerateRunes().Count() >= 3
            ? $"x.order_id IN (SELECT rowid FROM order_search WHERE order_search MATCH {AddText(command, "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")})"
            : $"instr(x.search_text, {AddText(command, folded)}) > 0";

    // A trigram phrase of the folded term matches exactly the rows whose folded text contains it, so instr per row is the same test.
    public override string SearchProbe(DbCommand command, string folded) => $"instr(x.search_text, {AddText(command, folded)}) > 0";

    // The FTS5 table has exactly one row per order_list row (the triggers keep them together), so counting its matches is
    // counting the view's: the rowids come from the index's doclists, where a count through order_list also read each
    // matching row (about 40 ms instead of 2 for 8,000 matches of 100,000; docs/benchmarks.md).
    public override string? SearchIndexRows(DbCommand command, string folded) =>
        folded.EnumerateRunes().Count() >= 3
            ? $"SELECT 1 FROM order_search WHERE order_search MATCH {AddText(command, "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")}"
            : null;

    // While order_list_bulk holds its row (only inside this transaction: deleted before the commit) the insert trigger
    // leaves the FTS5 index alone; the batch's rows are then indexed in one INSERT … SELECT, about five times cheaper.
    public override void BeginListBatch(DbCommand write)
    {
        write.Parameters.Clear();
        write.CommandText = "INSERT INTO order_list_bulk (id) VALUES (1)";
        write.ExecuteNonQuery();
    }

    public override void EndListBatch(DbCommand write, IReadOnlyCollection<long> inserted)
    {
        write.Parameters.Clear();
        if (inserted.Count > 0)
        {
            // The ids as one JSON array: SQLite has no array parameter, and json_each reads it as rows.
            write.CommandText = "INSERT INTO order_search (rowid, search_text) SELECT x.order_id, x.search_text FROM order_list x " +
                "WHERE x.order_id IN (SELECT value FROM json_each(" + AddText(write, "[" + string.Join(',', inserted) + "]") + "))";
            write.ExecuteNonQuery();
            write.Parameters.Clear();
        }

        write.CommandText = "DELETE FROM order_list_bulk";
        write.ExecuteNonQuery();
    }

    // One row (28 parameters) a statement: Microsoft.Data.Sqlite binds each parameter by name, which SQLite answers by a
    // linear walk of the statement's names, so a statement of n parameters costs n²/2 comparisons. At 50 rows (then 850
    // parameters) that was most of the import's list catch-up (4.2 % of its CPU samples in sqlite3VListNameToNum and
    // strncmp, docs/benchmarks.md, branch importperf); with the 28 columns of schema step 11, 8,000 rows cost 116-133 ms
    // of CPU one a statement, 135-152 two and 160-180 four (benchmarks/sqlite-rows-per-insert.cs, branch importlist).
    public override int ListRowsPerInsert => 1;

    public override string ReferenceMatches(string parameter) => $"o.reference_number = {parameter} COLLATE NOCASE";

    // julianday reads the stored ISO 8601 text with its offset, so instants compare whatever offset they were written with.
    public override string ProcessedAtOrAfter(string parameter) => $"julianday(l.processed_at) >= julianday({parameter})";

    public override void AppendPage(StringBuilder sql, DbCommand command, int? limit, int offset)
    {
        if (limit is not null || offset > 0)
        {
            // SQLite needs a LIMIT for an OFFSET; -1 means no limit.
            sql.Append(" LIMIT ").Append(AddInt(command, limit ?? -1)).Append(" OFFSET ").Append(AddInt(command, offset));
        }
    }

    public override DateOnly? ReadDate(DbDataReader reader, int ordinal) => SpecText.ParseDate(OrderRows.TextOrNull(reader, ordinal));

    public override decimal? ReadDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : (decimal)reader.GetDouble(ordinal);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // The book's one connection, shared by every call under the store's gate: a transaction never closes it.
    protected override (DbConnection Connection, bool Owned) TransactionConnection() => (connection, false);

    /// <remarks>
    /// One upsert statement, which SQLite runs as its own write transaction: the check (free, expired
    /// or ours) and the take cannot be split by another process sharing the file. The expiry is kept in
    /// Unix milliseconds so that the check is a number comparison. Completes synchronously (no async I/O in the library).
    /// </remarks>
    public override ValueTask<bool> TryAcquireLeaseAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
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
        return ValueTask.FromResult(command.ExecuteScalar() is not null);
    }

    public override Core.Errors.StoreException? Failure(Exception exception, string location) =>
        exception is SqliteException sqlite ? SqliteFailures.ForRead(sqlite, location) : null;

    /// <remarks>One prepared update per id inside one transaction: SQLite has no array parameter. Completes synchronously.</remarks>
    public override ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
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
        return ValueTask.CompletedTask;
    }

    private static string Add(DbCommand command, object value)
    {
        var name = "$p" + (command.Parameters.Count + 1).ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(new SqliteParameter(name, value));
        return name;
    }
}
