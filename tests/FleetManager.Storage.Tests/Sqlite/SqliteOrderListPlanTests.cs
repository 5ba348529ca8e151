using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Tests.Sqlite;

/// <summary>
/// How SQLite plans the orders list's filtered page (schema step 9): the page's inner query as
/// <c>OrderListIndex.Browse</c> writes it for "request type and country, by loading date" walks
/// <c>order_list_type_loading</c> in order and stops after the page, instead of sorting every match in a temporary B-tree.
/// </summary>
public sealed class SqliteOrderListPlanTests : IDisposable
{
    private const string FilteredPage =
        "SELECT x.order_id, x.status, x.incomplete, x.corrections, x.loading_date FROM order_list x " +
        "WHERE x.request_type = 'booking' AND (x.loading_country IN ('PL') OR x.unloading_country IN ('PL'))";

    private readonly TempDirectory _temp = new();
    private readonly string _path;

    public SqliteOrderListPlanTests()
    {
        _path = _temp.File("plan.db");
        using var book = SqliteOrderBook.Open(_path);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(" ORDER BY x.loading_date, x.order_id LIMIT 51")]
    [InlineData(" ORDER BY x.loading_date DESC, x.order_id DESC LIMIT 51")]
    [InlineData(" AND (x.loading_date > '2026-05-01' OR (x.loading_date = '2026-05-01' AND x.order_id > 900)) ORDER BY x.loading_date, x.order_id LIMIT 51")]
    public void FilteredPageByLoadingDate_Plan_WalksTheCompositeIndexWithoutATemporarySort(string tail)
    {
        var plan = Plan(FilteredPage + tail);

        Assert.Contains("order_list_type_loading", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void FilteredCount_Plan_ReadsACoveringIndexNotTheRows()
    {
        var plan = Plan("SELECT COUNT(*) FROM (SELECT 1 FROM order_list x WHERE x.request_type = 'booking' AND (x.loading_country IN ('PL') OR x.unloading_country IN ('PL')) LIMIT 10001) c");

        Assert.Contains("COVERING INDEX", plan, StringComparison.Ordinal);
    }

    private string Plan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }
}
