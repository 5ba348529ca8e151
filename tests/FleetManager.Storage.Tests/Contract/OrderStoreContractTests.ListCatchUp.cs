using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

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
        var page = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Limit = 100 }, CancellationToken.None));
        Assert.Equal(30, page.Total);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => "CU-" + i), page.Rows.Select(r => r.Order.Order.ReferenceNumber));
        Assert.Equal(["CU-17"], await References(store, new OrderBrowseQuery { Search = "spedition 17" }));
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
        var all = (await writer.BrowseOrdersAsync(new OrderBrowseQuery { CountLimit = null }, CancellationToken.None));
        Assert.Equal(Orders, all.Total);
        Assert.Equal(Orders, all.Rows.Select(r => r.Order.Id).Distinct().Count());
        Assert.Equal(1, (await writer.BrowseOrdersAsync(new OrderBrowseQuery { Search = "tw-599" }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task CatchUpOrderListAsync_OrdersCommittedHereAndByAnotherInstance_ListsEachOnceFromMemoryOrFromTheBook()
    {
        var here = Open();
        var other = Open();
        for (var i = 0; i < 12; i++)
        {
            // Interleaved: this instance keeps the rows of its own commits, the other instance's orders are read back.
            await CommitBrowsableAsync(i % 3 == 1 ? other : here, "mx" + i, SampleOrders.Order(reference: "MX-" + i, customer: "Mixed " + i, loadingCountry: i % 2 == 0 ? "DE" : "PL"));
        }

        var derived = await here.CatchUpOrderListAsync(null, CancellationToken.None);
        var derivedByOther = await other.CatchUpOrderListAsync(null, CancellationToken.None);

        Assert.Equal((12, 0), (derived, derivedByOther));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "MX-" + i), await References(here, new OrderBrowseQuery { Limit = 100 }));
        Assert.Equal(["MX-4"], await References(other, new OrderBrowseQuery { Search = "mx-4" }));
        Assert.Equal(["MX-6"], await References(other, new OrderBrowseQuery { Search = "mx-6" }));
        Assert.Equal(6, (await here.BrowseOrdersAsync(new OrderBrowseQuery { Countries = ["PL"], LaneFrom = "PL" }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task CatchUpOrderListAsync_StatusSetByAnotherInstanceBeforeTheCatchUp_ListsTheStatusNotTheRowKeptAtCommit()
    {
        var here = Open();
        var id = await CommitBrowsableAsync(here, "st1", SampleOrders.Order(reference: "ST-1", customer: null));
        var other = Open();

        // The other instance lists the order itself first (its refresh catches up), so here the kept row is forgotten.
        await other.Corrections.SetStatusAsync(id, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);
        var derived = await here.CatchUpOrderListAsync(null, CancellationToken.None);

        Assert.Equal(0, derived);
        var row = (await here.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows.Single();
        Assert.Equal((OrderStatus.Reviewed, false), (row.Status, row.NeedsReview));
    }

    [Fact]
    public async Task CatchUpOrderListAsync_KeptRowChangedByAnotherInstanceThatDidNotListIt_ListsTheBookNotTheKeptRow()
    {
        var here = Open();
        var id = await CommitBrowsableAsync(here, "stale1", SampleOrders.Order(reference: "SK-1", customer: "Old Name"));
        await CommitBrowsableAsync(here, "stale2", SampleOrders.Order(reference: "SK-2", customer: "Wien Trans"));

        // Another instance (the previous release, or one whose list write failed after its own commit) gave the order a
        // status and a correction without listing it: this instance still holds both orders' rows, derived at commit as
        // new and uncorrected, and nothing above them is listed, so the kept rows are taken, not forgotten.
        ExecuteRaw($"INSERT INTO order_status (order_id, status, changed_by, changed_at, ledger_key, order_index) VALUES ({id}, 'reviewed', 'other', '2026-12-06T03:00:00+00:00', 'stale1', 0)");
        ExecuteRaw(
            "INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at, ledger_key, order_index) " +
            $"VALUES ({id}, 'customer', 'Old Name', 'Żabka Logistics', 'other', '2026-12-06T03:00:00+00:00', 'stale1', 0)");
        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list"));

        var derived = await here.CatchUpOrderListAsync(null, CancellationToken.None);

        Assert.Equal(2, derived);
        var rows = (await here.ListOrderEntriesAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows;
        Assert.Equal([("SK-1", "Żabka Logistics", OrderStatus.Reviewed, false, 1), ("SK-2", "Wien Trans", OrderStatus.New, false, 0)],
            rows.Select(r => (r.ReferenceNumber, r.Customer, r.Status, r.NeedsReview, r.CorrectionCount)));
        Assert.Equal(["SK-1"], await References(here, new OrderBrowseQuery { Search = "zabka" }));
        Assert.Empty(await References(here, new OrderBrowseQuery { Search = "old name" }));
        Assert.Equal(["SK-1"], await References(here, new OrderBrowseQuery { Statuses = [OrderStatus.Reviewed] }));
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
        Assert.Equal(["CC-1"], await References(store, new OrderBrowseQuery { Search = "zabka" }));
        Assert.Empty(await References(store, new OrderBrowseQuery { Search = "old name" }));
        Assert.Equal(["CC-2"], await References(store, new OrderBrowseQuery { Search = "other" }));
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

        var alone = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "HAMBURG", CountLimit = 3 }, CancellationToken.None));
        var uncapped = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "hamburg" }, CancellationToken.None));
        var filtered = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "hamburg", RequestType = RequestType.Booking }, CancellationToken.None));

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
