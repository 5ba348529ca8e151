using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

public sealed class ImportRunnerTests
{
    private static ImportRunner Runner(IOrderBook book) =>
        new(new MessageProcessor(new SubjectParser(), new KeywordReader(), null), book, TimeProvider.System);

    [Fact]
    public async Task RunAsync_MixedInput_CommitsInInputOrderAndCountsOutcomes()
    {
        var book = new MemoryOrderBook();
        var messages = Enumerable.Range(0, 200).Select(i => Message($"m{i}", i % 10 == 0 ? "bad" : i % 2 == 0 ? "order" : "news")).ToArray();

        var summary = await Runner(book).RunAsync(new ListSource(messages), null, CancellationToken.None);

        Assert.Equal(200, summary.MessagesRead);
        Assert.Equal(20, summary.Quarantined);
        Assert.Equal(80, summary.OrderMessages);
        Assert.Equal(80, summary.Orders);
        Assert.Equal(100, summary.Other);
        Assert.Equal(messages.Select(m => m.SourceKey), book.Committed.Select(c => c.Raw.SourceKey));
        Assert.All(book.Committed.Where(c => c.IsQuarantined), c => Assert.Equal("bad message", c.Result.Error));
    }

    [Fact]
    public async Task RunAsync_SecondRunAndDuplicatesInInput_AreSkipped()
    {
        var book = new MemoryOrderBook();
        var messages = new[] { Message("a", "order"), Message("b"), Message("a", "order") };

        var first = await Runner(book).RunAsync(new ListSource(messages), null, CancellationToken.None);
        var second = await Runner(book).RunAsync(new ListSource(messages), null, CancellationToken.None);

        Assert.Equal(1, first.DuplicatesInInput);
        Assert.Equal(0, first.SkippedAlreadyProcessed);
        Assert.Equal(2, book.Committed.Count);
        Assert.Equal(2, second.SkippedAlreadyProcessed);
        Assert.Equal(1, second.DuplicatesInInput);
    }

    [Fact]
    public async Task RunAsync_ReaderThrows_QuarantinesThatMessageAndContinues()
    {
        var book = new MemoryOrderBook();

        var summary = await Runner(book).RunAsync(new ListSource(Message("a", "order"), Message("b", "boom"), Message("c", "order")), null, CancellationToken.None);

        Assert.Equal(2, summary.OrderMessages);
        Assert.Equal(1, summary.Quarantined);
        Assert.Contains("reader bug", book.Committed[1].Result.Error);
        Assert.Equal("<b@test>", book.Committed[1].Result.MessageId);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressUpToTheLastMessage()
    {
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports);

        await Runner(new MemoryOrderBook()).RunAsync(new ListSource(Message("a"), Message("b"), Message("c")), progress, CancellationToken.None);

        Assert.Equal(3, reports[^1].Messages);
        Assert.True(reports[^1].Bytes > 0);
        Assert.Equal(reports.Select(r => r.Messages).Order(), reports.Select(r => r.Messages));
    }

    [Fact]
    public async Task RunAsync_CommittedOrders_CatchesUpTheOrdersListOnceAtTheEndWithProgress()
    {
        var book = new MemoryOrderBook();
        var reports = new List<ImportProgress>();
        var messages = Enumerable.Range(0, 150).Select(i => Message($"m{i}", i % 3 == 0 ? "order" : "news")).ToArray();

        await Runner(book).RunAsync(new ListSource(messages), new SynchronousProgress(reports), CancellationToken.None);

        Assert.Equal([50], book.CatchUps);
        Assert.Equal(50, reports[^1].OrdersListed);
        Assert.Equal(150, reports[^1].Messages);
        Assert.All(reports.TakeWhile(r => r.OrdersListed == 0), r => Assert.True(r.Messages <= 150));
    }

    [Fact]
    public async Task RunAsync_ManyOrders_CatchesUpTheOrdersListBetweenCommitsEveryListEveryOrdersAndAtTheEnd()
    {
        var book = new MemoryOrderBook();
        var messages = Enumerable.Range(0, 150).Select(i => Message($"m{i}", i % 3 == 0 ? "order" : "news")).ToArray();
        var runner = new ImportRunner(new MessageProcessor(new SubjectParser(), new KeywordReader(), null), book, TimeProvider.System) { ListEvery = 10, MaxBatch = 6 };

        await runner.RunAsync(new ListSource(messages), null, CancellationToken.None);

        // Each catch-up during the run came after at least ListEvery more orders, and batches of at most 6 messages
        // (2 orders) leave at most 11 between two of them; the end lists the rest.
        Assert.Equal(50, book.CatchUps[^1]);
        var during = book.CatchUps[..^1];
        Assert.InRange(during.Count, 4, 5);
        Assert.All(during.Zip(during.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 10, 11));
        Assert.InRange(during[0], 10, 11);
    }

    [Fact]
    public async Task RunAsync_NoNewOrders_DoesNotCatchUpTheOrdersList()
    {
        var book = new MemoryOrderBook();
        var messages = new[] { Message("a", "order"), Message("b") };
        await Runner(book).RunAsync(new ListSource(messages), null, CancellationToken.None);

        await Runner(book).RunAsync(new ListSource(messages), null, CancellationToken.None);
        await Runner(book).RunAsync(new ListSource(Message("c"), Message("d", "bad")), null, CancellationToken.None);

        Assert.Equal([1], book.CatchUps);
    }

    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
