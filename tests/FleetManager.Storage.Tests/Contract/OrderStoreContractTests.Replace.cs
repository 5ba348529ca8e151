using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// The store's side of <c>fleetmanager reprocess</c> (<see cref="IOrderStore.Replace"/>, <see cref="IOrderStore.ListLedger"/>)
/// and of raw-message retention (<see cref="IOrderStore.PurgeRawMessages"/>), on both back-ends.
/// </summary>
public abstract partial class OrderStoreContractTests
{
    private static readonly DateTimeOffset Later = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replace_QuarantinedMessageNowRead_StoresOrdersAndQueuesUpsertsInOneGo()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("q1");
        store.Commit(message, EmailResult.Quarantined(message.MessageId, "reader not configured"));

        var outcome = store.Replace(message with { ProcessedAt = Later }, SampleOrders.Result(message, SampleOrders.Order(reference: "R-1"), SampleOrders.Order(reference: "R-2")));

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var entry = store.GetLedgerEntry("q1")!;
        Assert.Equal(LedgerStatus.Processed, entry.Status);
        Assert.Equal(Classification.Order, entry.Classification);
        Assert.Null(entry.Error);
        Assert.Equal(2, entry.OrderCount);
        Assert.Equal(Later, entry.ProcessedAt);
        Assert.Equal(["R-1", "R-2"], store.ListOrders(OrderQuery.All).Select(o => o.ReferenceNumber));
        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        Assert.Equal([OutboxChange.Upsert, OutboxChange.Upsert], pending.Select(p => p.Change));
        Assert.Equal([message.MessageId + "#0", message.MessageId + "#1"], pending.Select(p => p.OrderKey));
        Assert.Equal(message.Raw.ToArray(), store.GetRawMessage("q1"));
        Assert.Equal(2, store.CountLedger().Orders);
    }

    [Fact]
    public async Task Replace_SameResultAgain_IsUnchangedAndWritesNothing()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m1");
        var result = SampleOrders.Result(message, SampleOrders.Order(reference: "A-1"));
        store.Commit(message, result);
        await store.MarkDeliveredAsync("sheets", [.. (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id)], Now, CancellationToken.None);
        var before = store.GetLedgerEntry("m1")!;
        var orderId = store.ListOrders(OrderQuery.All).Single().Id;

        var outcome = store.Replace(message with { ProcessedAt = Later }, result);

        Assert.Equal(ReplaceOutcome.Unchanged, outcome);
        Assert.Equal(before, store.GetLedgerEntry("m1"));
        Assert.Equal(orderId, store.ListOrders(OrderQuery.All).Single().Id);
        Assert.Empty((await store.PendingAsync("sheets", 10, CancellationToken.None)));
    }

    [Fact]
    public async Task Replace_FewerOrders_RemovesTheVanishedOrderUpdatesTheOtherAndQueuesBoth()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m2");
        store.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "OLD-1"), SampleOrders.Order(reference: "OLD-2")));
        var delivered = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        await store.MarkDeliveredAsync("sheets", [delivered[0].Id], Now, CancellationToken.None);

        var outcome = store.Replace(message with { ProcessedAt = Later }, SampleOrders.Result(message, SampleOrders.Order(reference: "NEW-1")));

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var order = Assert.Single(store.QueryOrders(OrderQuery.All));
        Assert.Equal("NEW-1", order.Order.ReferenceNumber);
        Assert.Equal(2, order.Order.Stops.Count);
        Assert.Equal(1, store.GetLedgerEntry("m2")!.OrderCount);
        // The old second order's undelivered insert is gone; the sheet gets an update of #0 and a removal of #1.
        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        Assert.Equal(
            [(message.MessageId + "#0", OutboxChange.Upsert), (message.MessageId + "#1", OutboxChange.Delete)],
            pending.Select(p => (p.OrderKey, p.Change)));
        Assert.Contains("NEW-1", pending[0].PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_ProcessedToQuarantined_RemovesOrdersAndKeepsRaw()
    {
        var store = Open();
        var message = SampleOrders.Message("m3");
        store.Commit(message, SampleOrders.Result(message, SampleOrders.Order()));

        Assert.Equal(ReplaceOutcome.Replaced, store.Replace(message, EmailResult.Quarantined(message.MessageId, "now refused")));

        var entry = store.GetLedgerEntry("m3")!;
        Assert.Equal(LedgerStatus.Quarantined, entry.Status);
        Assert.Equal("now refused", entry.Error);
        Assert.Empty(store.ListOrders(OrderQuery.All));
        Assert.NotNull(store.GetRawMessage("m3"));
    }

    [Fact]
    public void Replace_UnknownLedgerKey_IsNotFoundAndStoresNothing()
    {
        var store = Open();
        var message = SampleOrders.Message("nope");

        Assert.Equal(ReplaceOutcome.NotFound, store.Replace(message, SampleOrders.Result(message, SampleOrders.Order())));
        Assert.Null(store.GetLedgerEntry("nope"));
        Assert.Empty(store.ListOrders(OrderQuery.All));
    }

    [Fact]
    public void ListLedger_ByStatusSinceAndMessageId_PagesInIdOrder()
    {
        var store = Open();
        var a = SampleOrders.Message("a");
        var b = SampleOrders.Message("b") with { ProcessedAt = Later };
        var c = SampleOrders.Message("c") with { ProcessedAt = Later.ToOffset(TimeSpan.FromHours(2)).AddHours(1) };
        store.Commit(a, EmailResult.Quarantined(a.MessageId, "x"));
        store.Commit(b, SampleOrders.Result(b, SampleOrders.Order()));
        store.Commit(c, EmailResult.Quarantined(c.MessageId, "y"));

        Assert.Equal(["a", "c"], store.ListLedger(new LedgerQuery { Status = LedgerStatus.Quarantined }).Select(e => e.LedgerKey));
        Assert.Equal(["b", "c"], store.ListLedger(new LedgerQuery { ProcessedSince = Later }).Select(e => e.LedgerKey));
        Assert.Equal(["b"], store.ListLedger(new LedgerQuery { MessageId = b.MessageId }).Select(e => e.LedgerKey));
        var first = store.ListLedger(new LedgerQuery { Limit = 2 });
        Assert.Equal(["a", "b"], first.Select(e => e.LedgerKey));
        Assert.Equal(["c"], store.ListLedger(new LedgerQuery { Limit = 2, AfterId = first[^1].Id }).Select(e => e.LedgerKey));
    }

    [Fact]
    public async Task PurgeRawMessages_OlderThanCutoff_DeletesOnlyTheirRawBytesAndKeepsLedgerAndOrders()
    {
        var store = Open();
        var old = SampleOrders.Message("old");
        // Written with another offset: the cutoff compares instants, not text.
        var recent = SampleOrders.Message("recent") with { ProcessedAt = Later.ToOffset(TimeSpan.FromHours(-5)) };
        store.Commit(old, SampleOrders.Result(old, SampleOrders.Order(reference: "O-1")));
        store.Commit(recent, SampleOrders.Result(recent, SampleOrders.Order(reference: "R-1")));

        var purged = (await store.PurgeRawMessagesAsync(Later.AddMinutes(-1), CancellationToken.None));

        Assert.Equal(1, purged);
        Assert.Null(store.GetRawMessage("old"));
        Assert.NotNull(store.GetRawMessage("recent"));
        Assert.NotNull(store.GetLedgerEntry("old"));
        Assert.Equal(["O-1", "R-1"], store.ListOrders(OrderQuery.All).Select(o => o.ReferenceNumber));
        Assert.Equal(0, (await store.PurgeRawMessagesAsync(Later.AddMinutes(-1), CancellationToken.None)));
    }
}
