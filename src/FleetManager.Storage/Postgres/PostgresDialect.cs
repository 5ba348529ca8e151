using System.Data.Common;
using System.Globalization;
using System.Text;
using FleetManager.Storage.Sql;
using Npgsql;
using static FleetManager.Storage.Postgres.PostgresParameters;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// PostgreSQL's spelling of the shared statements: each command on a pooled connection of the data source,
/// positional parameters (<c>$1</c>, <c>$2</c>, …) typed as the columns are (<c>date</c>, <c>timestamptz</c>,
/// <c>numeric</c>), folded matches on the <c>customer_folded</c> column the commit fills.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    public override DbCommand CreateCommand() => dataSource.CreateCommand();

    public override string AddText(DbCommand command, string? value) => Add(command, Text(value));

    public override string AddInt(DbCommand command, int value) => Add(command, new NpgsqlParameter<int> { TypedValue = value });

    public override string AddLong(DbCommand command, long value) => Add(command, new NpgsqlParameter<long> { TypedValue = value });

    public override string AddDouble(DbCommand command, double? value) => Add(command, Double(value));

    public override string AddDate(DbCommand command, DateOnly value) => Add(command, Date(value));

    public override string AddInstant(DbCommand command, DateTimeOffset value) => Add(command, Instant(value));

    public override string CustomerContains(string parameter) => $"strpos(o.customer_folded, {parameter}) > 0";

    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    // A row value: the planner seeks the composite index (sort column, order_id) to the cursor (an "Index Cond"); the OR
    // form was applied as a filter to every row walked before it, so a deep page cost in proportion to its depth
    // (PostgresOrderListPlanTests; docs/benchmarks.md, branch listpage).
    public override string KeysetAfter(string column, string comparison, string value, string id) =>
        $"({column}, x.order_id) {comparison} ({value}, {id})";

    // LIKE rather than strpos: the pg_trgm GIN index (schema step 7) serves LIKE '%term%' and rechecks every
    // candidate, so the rows are the substring matches whether the index exists or not. The term's own LIKE
    // characters are escaped (backslash is LIKE's default escape).
    public override string SearchMatches(DbCommand command, string folded) =>
        $"x.search_text LIKE {AddText(command, "%" + EscapeLike(folded) + "%")}";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public override string ReferenceMatches(string parameter) => $"lower(o.reference_number) = lower({parameter})";

    // The stored ISO 8601 text carries its offset: as timestamptz, instants compare whatever offset they were written with.
    public override string ProcessedAtOrAfter(string parameter) => $"l.processed_at::timestamptz >= {parameter}";

    public override void AppendPage(StringBuilder sql, DbCommand command, int? limit, int offset)
    {
        if (limit is { } rows)
        {
            sql.Append(" LIMIT ").Append(AddInt(command, rows));
        }

        if (offset > 0)
        {
            sql.Append(" OFFSET ").Append(AddInt(command, offset));
        }
    }

    public override DateOnly? ReadDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    public override decimal? ReadDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override (DbConnection Connection, bool Owned) TransactionConnection() => (dataSource.OpenConnection(), true);

    protected override async ValueTask<(DbConnection Connection, bool Owned)> TransactionConnectionAsync(CancellationToken cancellationToken) =>
        (await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), true);

    /// <remarks>One upsert: concurrent callers on any instance serialise on the lease row, and the
    /// <c>WHERE</c> of <c>DO UPDATE</c> sees the row as the winner left it.</remarks>
    public override async ValueTask<bool> TryAcquireLeaseAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
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
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public override Core.Errors.StoreException? Failure(Exception exception, string location) =>
        exception is OrderBookUnavailableException ? null : PostgresFailures.Translate(exception, location);

    /// <remarks>One statement over an array of ids.</remarks>
    public override async ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE outbox SET delivered_at = $3 WHERE sink = $1 AND id = ANY($2) AND delivered_at IS NULL");
        command.Parameters.Add(Text(sink));
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ids] });
        command.Parameters.Add(Instant(deliveredAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Add(DbCommand command, NpgsqlParameter parameter)
    {
        command.Parameters.Add(parameter);
        return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
    }
}
