using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage.Tests.Sqlite;

/// <summary>
/// The orders list's catch-up on SQLite (schema step 10): the batch's rows indexed for search in one statement, with the
/// insert trigger held off only inside the catch-up's transaction. FTS5's own integrity check compares the index with
/// the rows of <c>order_list</c>, so a row indexed twice or not at all fails it.
/// </summary>
public sealed class SqliteOrderListCatchUpTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;

    public SqliteOrderListCatchUpTests() => _path = _temp.File("catch-up.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CatchUpOrderListAsync_SeveralBatchesThenACorrectionAndAReprocess_LeavesTheSearchIndexEqualToTheRows()
    {
        using (var book = SqliteOrderBook.Open(_path))
        {
            var messages = Enumerable.Range(0, 1200).Select(i => SampleOrders.Message("c" + i)).ToList();
            await book.CommitBatchAsync([.. messages.Select((m, i) => (m, SampleOrders.Result(m, SampleOrders.Order(reference: "C-" + i, customer: "Firma " + i))))], CancellationToken.None);

            Assert.Equal(1200, await book.CatchUpOrderListAsync(null, CancellationToken.None));

            var first = book.BrowseOrders(new OrderBrowseQuery { Search = "firma 7", Limit = 1 }).Rows.Single().Order.Id;
            await book.Corrections.AddAsync(first, "customer", "Firma 7", "Ørsted Fragt", "local", DateTimeOffset.UnixEpoch, CancellationToken.None);
            await book.ReplaceAsync(messages[8] with { ProcessedAt = DateTimeOffset.UnixEpoch }, SampleOrders.Result(messages[8], SampleOrders.Order(reference: "C-8", customer: "Nordfracht")), CancellationToken.None);
            Assert.Equal(1, book.BrowseOrders(new OrderBrowseQuery { Search = "orsted" }).Total);
            Assert.Equal(1, book.BrowseOrders(new OrderBrowseQuery { Search = "nordfracht" }).Total);
        }

        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM order_list_bulk"));
        Assert.Equal(1200L, Scalar("SELECT COUNT(*) FROM order_list"));
        Execute("INSERT INTO order_search (order_search) VALUES ('integrity-check')");
    }

    [Fact]
    public async Task InsertByAnotherWriter_OutsideTheCatchUp_IsIndexedByTheTrigger()
    {
        using (var book = SqliteOrderBook.Open(_path))
        {
            var message = SampleOrders.Message("t1");
            await book.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "T-1")), CancellationToken.None);
            Assert.Equal(1, book.BrowseOrders(new OrderBrowseQuery()).Total);
        }

        // What the previous release (or a refresh) does: a plain insert, no bulk row.
        Execute("INSERT INTO order_list SELECT order_id + 1000, ledger_key, order_index, source_key, 'zeppelin' || search_text, reference_sort, customer_sort, " +
            "loading_date, unloading_date, weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections FROM order_list");

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM order_search WHERE order_search MATCH '\"zeppelin\"'"));
        Execute("INSERT INTO order_search (order_search) VALUES ('integrity-check')");
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
