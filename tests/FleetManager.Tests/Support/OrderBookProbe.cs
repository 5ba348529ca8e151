using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetManager.Tests.Support;

/// <summary>
/// Read-only look into an order book from outside the service processes, on SQLite or PostgreSQL
/// (the same table and column names on both): ledger, orders and the lease rows.
/// </summary>
internal sealed class OrderBookProbe(Func<DbConnection> connect, string description)
{
    public static OrderBookProbe Sqlite(string file) => new(
        () => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()),
        file);

    public static OrderBookProbe Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString), "PostgreSQL");

    public override string ToString() => description;

    /// <summary>Rows in the ledger; 0 while the store is not created or not migrated yet.</summary>
    public long LedgerRows()
    {
        try
        {
            return Convert.ToInt64(Scalar("SELECT count(*) FROM ledger"), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <summary>The holder of <paramref name="resource"/>'s lease and when it took it; null when nobody holds it (or no store yet).</summary>
    public (string Holder, DateTimeOffset AcquiredAt)? Lease(string resource)
    {
        try
        {
            var rows = Rows($"SELECT holder, acquired_at FROM lease WHERE resource = '{resource.Replace("'", "''", StringComparison.Ordinal)}'");
            return rows.Count == 0 ? null : ((string)rows[0][0], AsInstant(rows[0][1]));
        }
        catch (DbException)
        {
            return null;
        }
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    public List<object[]> Rows(string sql)
    {
        using var connection = connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Every order as "ledger key | index | spec JSON", sorted: the book's content without its row ids.</summary>
    public List<string> OrdersByMessage() =>
        [.. Rows("SELECT l.ledger_key, o.order_index, o.order_json FROM orders o JOIN ledger l ON l.id = o.ledger_id")
            .Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)];

    private object Scalar(string sql)
    {
        using var connection = connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private static DateTimeOffset AsInstant(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset instant => instant,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException("Unexpected acquired_at value " + value),
    };

    /// <summary>Ledger rows as <c>key|status|order_count</c>, sorted: comparable across SQLite and PostgreSQL.</summary>
    public List<string> Ledger() =>
        [.. Rows("SELECT ledger_key, status, order_count FROM ledger")
            .Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Asserts this book equals one uninterrupted <c>import</c> of <paramref name="input"/> (into
    /// <paramref name="referenceDb"/>): one ledger row per message, each with exactly its orders, nothing twice.
    /// </summary>
    public async Task AssertSameAsUninterruptedImportAsync(string input, string referenceDb, int messages)
    {
        var import = await CliProcess.RunAsync("import", input, "--db", referenceDb, "--quiet");
        Xunit.Assert.True(import.ExitCode == 0, import.StdErr);
        var expected = Sqlite(referenceDb);
        Xunit.Assert.Equal(messages, LedgerRows());
        Xunit.Assert.Equal(expected.Ledger(), Ledger());
        Xunit.Assert.Equal(0, Count("SELECT count(*) FROM ledger l WHERE l.order_count <> (SELECT count(*) FROM orders o WHERE o.ledger_id = l.id)"));
        var orders = OrdersByMessage();
        Xunit.Assert.True(orders.Count > messages / 2, $"the workload should yield many orders, got {orders.Count}");
        Xunit.Assert.Equal(expected.OrdersByMessage(), orders);
    }
}
