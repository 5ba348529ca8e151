using BenchmarkDotNet.Attributes;
using FleetManager.Dashboard.Orders;
using FleetManager.Dashboard.Pages;
using FleetManager.Dashboard.Security;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Benchmarks;

/// <summary>
/// One orders-page view as the dashboard's handler does it (<see cref="OrderBrowser.PageAsync"/> over the store, then
/// <see cref="OrdersPage.Render"/>), over a large generated book: time and, with the memory diagnoser, the bytes a
/// page view allocates (the budget is a few hundred KB). The book is FM_BENCH_BOOK (made by the <c>book</c> verb,
/// which the dashboard benchmark script caches), or 20,000 generated orders in a temporary file.
/// </summary>
[MemoryDiagnoser]
public class OrdersPageBenchmarks
{
    private string? _temporary;
    private SqliteOrderBook? _book;
    private string? _deepCursor;

    /// <summary>Which view: the first page, a filtered and sorted one, a deep keyset page, a search.</summary>
    [Params("first", "filtered", "deep", "search")]
    public string ViewName { get; set; } = "first";

    [GlobalSetup]
    public async Task Open()
    {
        var path = Environment.GetEnvironmentVariable("FM_BENCH_BOOK");
        if (string.IsNullOrEmpty(path))
        {
            _temporary = Path.Combine(Path.GetTempPath(), "fm-page-bench-" + Guid.NewGuid().ToString("N") + ".db");
            path = _temporary;
            using var writer = SqliteOrderBook.Open(path);
            await GeneratedOrderBook.WriteAsync(writer, 20_000).ConfigureAwait(false);
        }

        _book = SqliteOrderBook.Open(path);
        _deepCursor = DeepCursor(_book);
    }

    [GlobalCleanup]
    public void Close()
    {
        _book?.Dispose();
        if (_temporary is not null)
        {
            File.Delete(_temporary);
            File.Delete(_temporary + "-wal");
            File.Delete(_temporary + "-shm");
        }
    }

    [Benchmark]
    public int PageView() => View(_book!, Query(ViewName, _deepCursor));

    /// <summary>The views the benchmark and the <c>allocs</c> verb measure, as the orders page's links ask for them.</summary>
    public static OrderListQuery Query(string view, string? deepCursor) => view switch
    {
        "filtered" => new OrderListQuery { Countries = ["PL"], RequestType = Core.Model.RequestType.Booking, Sort = "loading_date" },
        "deep" => new OrderListQuery { After = deepCursor },
        "search" => new OrderListQuery { Search = "hamburg" },
        "search-partial" => new OrderListQuery { Search = "ostrob" },
        "search-greek" => new OrderListQuery { Search = "θεσσαλ" },
        _ => new OrderListQuery(),
    };

    /// <summary>One page view: the page of 50 and its HTML, as the <c>/orders</c> handler makes them.</summary>
    public static int View(SqliteOrderBook book, OrderListQuery query)
    {
        // SQLite's store completes synchronously: the view is measured on this thread, as the allocation counter needs.
        var page = OrderBrowser.PageAsync(book, query, 50, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return OrdersPage.Render(query, page, DashboardUser.Local, tableOnly: false).Length;
    }

    /// <summary>The cursor after following 20 "Next page" links from the first page.</summary>
    public static string? DeepCursor(SqliteOrderBook book)
    {
        var query = new OrderListQuery();
        for (var i = 0; i < 20; i++)
        {
            query = query with { After = OrderBrowser.PageAsync(book, query, 50, CancellationToken.None).AsTask().GetAwaiter().GetResult().NextCursor };
        }

        return query.After;
    }
}
