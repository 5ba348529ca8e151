using FleetManager.Core.Model;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// The orders list's catch-up (<see cref="Core.Pipeline.IOrderBook.CatchUpOrderListAsync"/>), which the import runner
/// calls once per run, on both back-ends: every committed order listed once, from any number of instances at once.
/// </summary>
public abstract partial class OrderStoreContractTests
{
    [Fact]
    public async Task CatchUpOrderListAsync_AfterABatchOfCommits_ListsEveryNewOrderOnceAndReportsProgress()
    {
        var store = Open();
        var messages = Enumerable.Range(0, 30).Select(i => SampleOrders.Message("cu" + i)).ToList();
        await store.CommitBatchAsync([.. messages.Select((m, i) => (m, SampleOrders.Result(m, SampleOrders.Order(reference: "CU-" + i, customer: "Spedition " + i))))], CancellationToken.None);
        var reported = new List<int>();

        var derived = await store.CatchUpOrderListAsync(new SynchronousProgress(reported), CancellationToken.None);
        var again = await store.CatchUpOrderListAsync(null, CancellationToken.None);

        Assert.Equal(30, derived);
        Assert.Equal(30, reported[^1]);
        Assert.Equal(0, again);
        var page = store.BrowseOrders(new OrderBrowseQuery { Limit = 100 });
        Assert.Equal(30, page.Total);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => "CU-" + i), page.Rows.Select(r => r.Order.Order.ReferenceNumber));
        Assert.Equal(["CU-17"], References(store, new OrderBrowseQuery { Search = "spedition 17" }));
    }

    [Fact]
    public async Task CatchUpOrderListAsync_TwoInstancesAtOnce_BothSucceedAndEachOrderIsListedOnce()
    {
        var writer = Open();
        const int Orders = 600;
        foreach (var chunk in Enumerable.Range(0, Orders).Chunk(200))
        {
            await writer.CommitBatchAsync([.. chunk.Select(i => SampleOrders.Message("two" + i)).Select(m => (m, SampleOrders.Result(m, SampleOrders.Order(reference: "TW-" + m.LedgerKey[3..]))))], CancellationToken.None);
        }

        var one = Open();
        var two = Open();

        var derived = await Task.WhenAll(
            Task.Run(async () => await one.CatchUpOrderListAsync(null, CancellationToken.None)),
            Task.Run(async () => await two.CatchUpOrderListAsync(null, CancellationToken.None)));

        // Each instance derives what it found unlisted; together at least every order, and the rows are not doubled.
        Assert.InRange(derived.Sum(), Orders, 2 * Orders);
        var all = writer.BrowseOrders(new OrderBrowseQuery { CountLimit = null });
        Assert.Equal(Orders, all.Total);
        Assert.Equal(Orders, all.Rows.Select(r => r.Order.Id).Distinct().Count());
        Assert.Equal(1, writer.BrowseOrders(new OrderBrowseQuery { Search = "tw-599" }).Total);
    }

    [Fact]
    public async Task CatchUpOrderListAsync_AfterACorrection_KeepsTheCorrectedRowAndListsOnlyTheNewOrders()
    {
        var store = Open();
        var id = await CommitBrowsableAsync(store, "cc1", SampleOrders.Order(reference: "CC-1", customer: "Old Name"));
        await store.Corrections.AddAsync(id, "customer", "Old Name", "Żabka Logistics", "local", CorrectedAt, CancellationToken.None);
        await CommitBrowsableAsync(store, "cc2", SampleOrders.Order(reference: "CC-2", customer: "Other"));

        var derived = await store.CatchUpOrderListAsync(null, CancellationToken.None);

        Assert.Equal(1, derived);
        Assert.Equal(["CC-1"], References(store, new OrderBrowseQuery { Search = "zabka" }));
        Assert.Empty(References(store, new OrderBrowseQuery { Search = "old name" }));
        Assert.Equal(["CC-2"], References(store, new OrderBrowseQuery { Search = "other" }));
    }

    [Fact]
    public async Task BrowseOrders_SearchAloneAndWithAFilter_CountTheSameOrdersAsThePagesShow()
    {
        var store = Open();
        for (var i = 0; i < 12; i++)
        {
            await CommitBrowsableAsync(store, "sc" + i, SampleOrders.Order(reference: "SC-" + i, customer: i % 3 == 0 ? "Hamburg Süd Cargo" : "Wien Trans",
                requestType: i % 2 == 0 ? RequestType.Booking : RequestType.QuoteRequest));
        }

        var alone = store.BrowseOrders(new OrderBrowseQuery { Search = "HAMBURG", CountLimit = 3 });
        var uncapped = store.BrowseOrders(new OrderBrowseQuery { Search = "hamburg" });
        var filtered = store.BrowseOrders(new OrderBrowseQuery { Search = "hamburg", RequestType = RequestType.Booking });

        Assert.Equal((3L, true), (alone.Total, alone.TotalCapped));
        Assert.Equal((4L, false), (uncapped.Total, uncapped.TotalCapped));
        Assert.Equal(["SC-0", "SC-3", "SC-6", "SC-9"], uncapped.Rows.Select(r => r.Order.Order.ReferenceNumber));
        Assert.Equal(2, filtered.Total);
        Assert.Equal(["SC-0", "SC-6"], filtered.Rows.Select(r => r.Order.Order.ReferenceNumber));
    }

    /// <summary>Records reports on the caller's thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
