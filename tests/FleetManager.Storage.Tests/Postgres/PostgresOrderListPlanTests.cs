using FleetManager.Storage.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace FleetManager.Storage.Tests.Postgres;

/// <summary>
/// How PostgreSQL plans the orders list's filtered page (schema step 9, <c>order_list_type_loading</c>): the page's
/// inner query as <c>OrderListIndex.BrowseAsync</c> writes it for <c>country=PL&amp;type=booking&amp;sort=loading_date</c>,
/// over 100,000 list rows after ANALYZE, walks the composite index in sort order and stops after the page (no Sort
/// node over every booking); and a deep keyset page seeks the sort index to its cursor (a row-value Index Cond, schema
/// unchanged) instead of filtering every row before it. The plans are written to the test output (docs/storage.md quotes them).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderListPlanTests(PostgresServer server, ITestOutputHelper output)
{
    // Positional parameters as the page binds them ($1 booking, $2 PL, $3 the page size + 1).
    private const string FilteredPage =
        "SELECT x.order_id, x.status, x.incomplete, x.corrections, x.loading_date FROM order_list x " +
        "WHERE x.request_type = $1 AND (x.loading_country IN ($2) OR x.unloading_country IN ($2))";

    [Theory]
    [InlineData(" ORDER BY x.loading_date, x.order_id LIMIT $3")]
    [InlineData(" ORDER BY x.loading_date DESC, x.order_id DESC LIMIT $3")]
    [InlineData(" AND (x.loading_date > '2026-05-01' OR (x.loading_date = '2026-05-01' AND x.order_id > 900)) ORDER BY x.loading_date, x.order_id LIMIT $3")]
    public void FilteredPageByLoadingDate_Plan_WalksTheCompositeIndexWithoutSortingTheMatches(string tail)
    {
        var connectionString = server.CreateDatabase();
        OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = connectionString }).Dispose();
        FillList(connectionString);

        var plan = Plan(connectionString, FilteredPage + tail, "booking", "PL", 51);
        output.WriteLine(plan);

        Assert.Contains("order_list_type_loading", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan.Replace("Sort Key", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.loading_date", ">", "'2026-12-20'", "", "order_list_loading")]
    [InlineData("x.loading_date", "<", "'2026-01-10'", " DESC", "order_list_loading")]
    [InlineData("x.customer_sort", ">", "'customer 990'", "", "order_list_customer")]
    [InlineData("x.loading_date", ">", "'2026-12-20'", "", "order_list_type_loading", "x.request_type = $1 AND ")]
    public void DeepKeysetPage_Plan_SeeksTheSortIndexToTheCursorInsteadOfFilteringEveryRowBeforeIt(
        string column, string comparison, string value, string direction, string index, string filter = "")
    {
        var connectionString = server.CreateDatabase();
        OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = connectionString }).Dispose();
        FillList(connectionString);
        using var dataSource = NpgsqlDataSource.Create(connectionString);

        // The cursor condition exactly as the store writes it on PostgreSQL, near the end of the sort order: a deep page.
        var cursor = new PostgresDialect(dataSource).KeysetAfter(column, comparison, value, "99000");
        object[] parameters = filter.Length == 0 ? [51] : ["booking", 51];
        var sql = $"SELECT x.order_id, x.status, x.incomplete, x.corrections, {column} FROM order_list x WHERE {filter}{cursor} " +
            $"ORDER BY {column}{direction}, x.order_id{direction} LIMIT ${parameters.Length}";
        var plan = Plan(connectionString, sql, parameters);
        output.WriteLine(plan);

        Assert.Contains(index, plan, StringComparison.Ordinal);
        var lines = plan.Split('\n');
        Assert.Contains(lines, line => line.Contains("Index Cond", StringComparison.Ordinal) && line.Contains("order_id", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Filter", StringComparison.Ordinal) && line.Contains("order_id", StringComparison.Ordinal));
        Assert.DoesNotContain("Sort", plan.Replace("Sort Key", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static void FillList(string connectionString) =>
        Execute(connectionString,
            "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) " +
            "SELECT i, 'k' || i, 0, 'folder:/mail', 'ref ' || i, 'ref ' || i, 'customer ' || (i % 997), " +
            "to_char(date '2026-01-01' + (i % 365), 'YYYY-MM-DD'), to_char(date '2026-01-03' + (i % 365), 'YYYY-MM-DD'), i % 24000, " +
            "(ARRAY['PL','DE','FR','IT','CZ'])[1 + i % 5], (ARRAY['DE','NL','PL','ES','AT','BE','SE'])[1 + i % 7], " +
            "(ARRAY['booking','quote_request','booking_change','booking_cancellation'])[1 + (i / 3) % 4], 0.9, 0, 'new', 0 " +
            "FROM generate_series(1, 100000) AS i; ANALYZE order_list;");

    // The statement's plan as PostgreSQL ran it, with $1, $2 … bound to the values in order (text or int).
    private static string Plan(string connectionString, string sql, params object[] values)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value is int number ? new NpgsqlParameter<int> { TypedValue = number } : new NpgsqlParameter<string> { TypedValue = (string)value });
        }

        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
