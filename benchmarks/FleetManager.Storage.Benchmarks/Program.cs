using System.Diagnostics;
using System.Globalization;
using FleetManager.Storage;
using FleetManager.Storage.Benchmarks;
using FleetManager.Storage.Sqlite;

// Usage:
//   commit-throughput [count] [batch]
//                                 time `count` ContainsAsync + CommitAsync pairs into a fresh order book (default 10000);
//                                 with batch > 1, messages go through CommitBatchAsync in groups of that size
//   import <db> <count>           import synthetic messages 0..count-1, skipping those already in the ledger
//                                 (the crash test kills this mid-run and imports again)
//   book <db> <orders>            write a generated order book of at least `orders` orders through CommitBatchAsync
//                                 (GeneratedOrderBook) and open the orders list once, which derives its table and index
//   pages [BenchmarkDotNet args]  OrdersPageBenchmarks: time and allocated bytes per orders-page view (FM_BENCH_BOOK)
//   allocs <db> [views]           managed bytes allocated per orders-page view (the page and its HTML, as the /orders
//                                 handler makes them) over an existing book, `views` views of each kind after 3 warm-up views,
//                                 with each view's wall time (p50, p95) and the process CPU per view
var verb = args.Length > 0 ? args[0] : "commit-throughput";
switch (verb)
{
    case "commit-throughput":
        return await CommitThroughputAsync(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
    case "import" when args.Length == 3:
        await ImportAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return 0;
    case "book" when args.Length == 3:
        await BookAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return 0;
    case "allocs" when args.Length is 2 or 3:
        Allocations(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
        return 0;
    case "pages":
        BenchmarkDotNet.Running.BenchmarkRunner.Run<OrdersPageBenchmarks>(args: args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: commit-throughput [count] | import <db> <count> | book <db> <orders> | allocs <db> [views] | pages [BenchmarkDotNet args]");
        return 2;
}

static async Task<int> CommitThroughputAsync(int count, int batchSize)
{
    var folder = Path.Combine(Path.GetTempPath(), "fm-store-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        var path = Path.Combine(folder, "orders.db");
        var messages = Enumerable.Range(0, count).Select(SyntheticMessages.Create).ToList();
        var orders = messages.Sum(m => m.Result.Orders.Count);
        using var book = SqliteOrderBook.Open(path);

        // Warm-up outside the timing: JIT, statement preparation, the first pages of the file.
        var (warmMessage, warmResult) = SyntheticMessages.Create(-1);
        await book.CommitAsync(warmMessage with { LedgerKey = "warm-up" }, warmResult, CancellationToken.None).ConfigureAwait(false);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var batch = new List<(StoredMessage, FleetManager.Core.Model.EmailResult)>(batchSize);
        foreach (var (message, result) in messages)
        {
            if (await book.ContainsAsync(message.LedgerKey, CancellationToken.None).ConfigureAwait(false))
            {
                continue;
            }

            if (batchSize <= 1)
            {
                await book.CommitAsync(message, result, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            batch.Add((message, result));
            if (batch.Count == batchSize)
            {
                await book.CommitBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await book.CommitBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }

        stopwatch.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch {batchSize}: {count} messages ({orders} orders, ~5 KB raw each) in {seconds:F3} s: {count / seconds:F0} messages/s, {seconds * 1e6 / count:F1} µs per message; CPU {cpu:F3} s ({cpu * 1e6 / count:F1} µs per message)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB (+ WAL {WalSize(path) / 1024.0 / 1024.0:F1} MB)"));
        return 0;
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static long WalSize(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;

static async Task ImportAsync(string path, int count)
{
    using var book = SqliteOrderBook.Open(path);
    for (var index = 0; index < count; index++)
    {
        var (message, result) = SyntheticMessages.Create(index);
        if (!await book.ContainsAsync(message.LedgerKey, CancellationToken.None).ConfigureAwait(false))
        {
            await book.CommitAsync(message, result, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

static async Task BookAsync(string path, int orders)
{
    var stopwatch = Stopwatch.StartNew();
    using var book = SqliteOrderBook.Open(path);
    var written = await GeneratedOrderBook.WriteAsync(book, orders).ConfigureAwait(false);
    var committed = stopwatch.Elapsed.TotalSeconds;
    // The list query catches up first; its count stops at the dashboard's cap (10,000+).
    var page = book.BrowseOrdersAsync(new OrderBrowseQuery { Limit = 1 }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{written} orders committed in {committed:F1} s; orders list derived (count {page.Total:N0}{(page.TotalCapped ? "+" : "")}) in {stopwatch.Elapsed.TotalSeconds - committed:F1} s"));
}

// Managed allocations only (what the GC must collect; SQLite's own buffers are native), on this thread, which is the
// thread that runs the whole page view: the same figure as BenchmarkDotNet's memory diagnoser, in seconds instead of minutes.
static void Allocations(string path, int views)
{
    using var book = SqliteOrderBook.Open(path);
    var deep = OrdersPageBenchmarks.DeepCursor(book);
    foreach (var view in new[] { "first", "filtered", "deep", "search", "search-partial", "search-greek" })
    {
        var query = OrdersPageBenchmarks.Query(view, deep);
        var html = 0;
        for (var i = 0; i < 3; i++)
        {
            html = OrdersPageBenchmarks.View(book, query);
        }

        // Each view timed too (Stopwatch allocates nothing): the page's server time without HTTP, and the process CPU
        // per view, which a loaded machine inflates far less than the wall time.
        var elapsed = new double[views];
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < views; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            OrdersPageBenchmarks.View(book, query);
            elapsed[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var perView = (GC.GetAllocatedBytesForCurrentThread() - before) / views;
        var cpuPerView = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / views;
        Array.Sort(elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{view,-15} allocated {perView / 1024.0,8:F1} KB per page view  (page HTML {html / 1024.0:F1} KB, {views} views)  " +
            $"wall p50 {elapsed[views / 2]:F1} ms p95 {elapsed[Math.Min(views - 1, (int)Math.Ceiling(views * 0.95) - 1)]:F1} ms, CPU {cpuPerView:F1} ms per view"));
    }
}
