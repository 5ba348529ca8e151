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

            var first = (await book.BrowseOrdersAsync(new OrderBrowseQuery { Search = "firma 7", Limit = 1 }, CancellationToken.None)).Rows.Single().Order.Id;
            await book.Corrections.AddAsync(first, "customer", "Firma 7", "Ørsted Fragt", "local", DateTimeOffset.UnixEpoch, CancellationToken.None);
            await book.ReplaceAsync(messages[8] with { ProcessedAt = DateTimeOffset.UnixEpoch }, SampleOrders.Result(messages[8], SampleOrders.Order(reference: "C-8", customer: "Nordfracht")), CancellationToken.None);
            Assert.Equal(1, (await book.BrowseOrdersAsync(new OrderBrowseQuery { Search = "orsted" }, CancellationToken.None)).Total);
            Assert.Equal(1, (await book.BrowseOrdersAsync(new OrderBrowseQuery { Search = "nordfracht" }, CancellationToken.None)).Total);
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
            Assert.Equal(1, (await book.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None)).Total);
        }

        // What the previous release (or a refresh) does: a plain insert of the columns it knows, no bulk row.
        Execute("INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) SELECT order_id + 1000, ledger_key, order_index, source_key, 'zeppelin' || search_text, reference_sort, customer_sort, " +
            "loading_date, unloading_date, weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections FROM order_list");

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM order_search WHERE order_search MATCH '\"zeppelin\"'"));
        Execute("INSERT INTO order_search (order_search) VALUES ('integrity-check')");
    }

    [Fact]
    public async Task CatchUpOrderListAsync_RowsKeptFromTheCommit_EqualTheRowsDerivedByReadingTheOrdersBack()
    {
        using (var book = SqliteOrderBook.Open(_path))
        {
            var messages = Enumerable.Range(0, 40).Select(i => SampleOrders.Message("m" + i)).ToList();
            await book.CommitBatchAsync([.. messages.Select((m, i) => (m, SampleOrders.Result(m, Varied(i))))], CancellationToken.None);
            Assert.Equal(40, await book.CatchUpOrderListAsync(null, CancellationToken.None));
        }

        var fromMemory = Rows();
        Execute("DELETE FROM order_list");
        using (var reopened = SqliteOrderBook.Open(_path))
        {
            // A new instance keeps no rows: every order is read back and parsed, as after a crash between commit and catch-up.
            Assert.Equal(40, await reopened.CatchUpOrderListAsync(null, CancellationToken.None));
        }

        Assert.Equal(fromMemory, Rows());
        Execute("INSERT INTO order_search (order_search) VALUES ('integrity-check')");
    }

    [Fact]
    public async Task BrowseOrdersAsync_InstanceClosedBetweenCommitAndCatchUp_ListsEveryOrderFromTheBook()
    {
        using (var crashed = SqliteOrderBook.Open(_path))
        {
            var messages = Enumerable.Range(0, 7).Select(i => SampleOrders.Message("k" + i)).ToList();
            await crashed.CommitBatchAsync([.. messages.Select((m, i) => (m, SampleOrders.Result(m, Varied(i))))], CancellationToken.None);
        }

        using var next = SqliteOrderBook.Open(_path);
        var page = await next.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None);

        Assert.Equal(7, page.Total);
        Assert.Equal(1, (await next.BrowseOrdersAsync(new OrderBrowseQuery { Search = "kunde 3" }, CancellationToken.None)).Total);
    }

    /// <summary>Orders that differ in every listed column: missing customer and weight, other countries and types, low confidence.</summary>
    private static Core.Model.TransportOrder Varied(int i)
    {
        var order = SampleOrders.Order(
            reference: i % 5 == 0 ? null : "V-" + i,
            customer: i % 4 == 0 ? null : "Kunde " + i + " Łódź",
            loadingCountry: i % 2 == 0 ? "de" : "PL",
            unloadingCountry: i % 3 == 0 ? "FR" : "PL",
            loadingDate: new DateOnly(2026, 12, 1 + (i % 20)),
            requestType: i % 3 == 0 ? Core.Model.RequestType.QuoteRequest : Core.Model.RequestType.Booking);
        return order with
        {
            WeightKg = i % 6 == 0 ? null : 1000m + i,
            Confidence = i % 7 == 0 ? new Core.Model.OrderConfidence { Order = 0.3, Low = true, Reason = "guessed stops" } : null,
        };
    }

    /// <summary>Every column of every order_list row, as text, by order id.</summary>
    private List<string> Rows()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM order_list ORDER BY order_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(c => reader.IsDBNull(c) ? "NULL" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
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
