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
        await store.CommitAsync(message, EmailResult.Quarantined(message.MessageId, "reader not configured"), CancellationToken.None);

        var outcome = await store.ReplaceAsync(message with { ProcessedAt = Later }, SampleOrders.Result(message, SampleOrders.Order(reference: "R-1"), SampleOrders.Order(reference: "R-2")), CancellationToken.None);

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var entry = (await store.GetLedgerEntryAsync("q1", CancellationToken.None))!;
        Assert.Equal(LedgerStatus.Processed, entry.Status);
        Assert.Equal(Classification.Order, entry.Classification);
        Assert.Null(entry.Error);
        Assert.Equal(2, entry.OrderCount);
        Assert.Equal(Later, entry.ProcessedAt);
        Assert.Equal(["R-1", "R-2"], (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Select(o => o.ReferenceNumber));
        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        Assert.Equal([OutboxChange.Upsert, OutboxChange.Upsert], pending.Select(p => p.Change));
        Assert.Equal([message.MessageId + "#0", message.MessageId + "#1"], pending.Select(p => p.OrderKey));
        Assert.Equal(message.Raw.ToArray(), await store.GetRawMessageAsync("q1", CancellationToken.None));
        Assert.Equal(2, (await store.CountLedgerAsync(CancellationToken.None)).Orders);
    }

    [Fact]
    public async Task Replace_SameResultAgain_IsUnchangedAndWritesNothing()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m1");
        var result = SampleOrders.Result(message, SampleOrders.Order(reference: "A-1"));
        await store.CommitAsync(message, result, CancellationToken.None);
        await store.MarkDeliveredAsync("sheets", [.. (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id)], Now, CancellationToken.None);
        var before = (await store.GetLedgerEntryAsync("m1", CancellationToken.None))!;
        var orderId = (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Single().Id;

        var outcome = await store.ReplaceAsync(message with { ProcessedAt = Later }, result, CancellationToken.None);

        Assert.Equal(ReplaceOutcome.Unchanged, outcome);
        Assert.Equal(before, await store.GetLedgerEntryAsync("m1", CancellationToken.None));
        Assert.Equal(orderId, (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Single().Id);
        Assert.Empty((await store.PendingAsync("sheets", 10, CancellationToken.None)));
    }

    [Fact]
    public async Task Replace_FewerOrders_RemovesTheVanishedOrderUpdatesTheOtherAndQueuesBoth()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m2");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "OLD-1"), SampleOrders.Order(reference: "OLD-2")), CancellationToken.None);
        var delivered = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        await store.MarkDeliveredAsync("sheets", [delivered[0].Id], Now, CancellationToken.None);

        var outcome = await store.ReplaceAsync(message with { ProcessedAt = Later }, SampleOrders.Result(message, SampleOrders.Order(reference: "NEW-1")), CancellationToken.None);

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var order = Assert.Single(await store.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None));
        Assert.Equal("NEW-1", order.Order.ReferenceNumber);
        Assert.Equal(2, order.Order.Stops.Count);
        Assert.Equal(1, (await store.GetLedgerEntryAsync("m2", CancellationToken.None))!.OrderCount);
        // The old second order's undelivered insert is gone; the sheet gets an update of #0 and a removal of #1.
        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        Assert.Equal(
            [(message.MessageId + "#0", OutboxChange.Upsert), (message.MessageId + "#1", OutboxChange.Delete)],
            pending.Select(p => (p.OrderKey, p.Change)));
        Assert.Contains("NEW-1", pending[0].PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_ProcessedToQuarantined_RemovesOrdersAndKeepsRaw()
    {
        var store = Open();
        var message = SampleOrders.Message("m3");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);

        Assert.Equal(ReplaceOutcome.Replaced, await store.ReplaceAsync(message, EmailResult.Quarantined(message.MessageId, "now refused"), CancellationToken.None));

        var entry = (await store.GetLedgerEntryAsync("m3", CancellationToken.None))!;
        Assert.Equal(LedgerStatus.Quarantined, entry.Status);
        Assert.Equal("now refused", entry.Error);
        Assert.Empty(await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None));
        Assert.NotNull(await store.GetRawMessageAsync("m3", CancellationToken.None));
    }

    [Fact]
    public async Task Replace_UnknownLedgerKey_IsNotFoundAndStoresNothing()
    {
        var store = Open();
        var message = SampleOrders.Message("nope");

        Assert.Equal(ReplaceOutcome.NotFound, await store.ReplaceAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None));
        Assert.Null(await store.GetLedgerEntryAsync("nope", CancellationToken.None));
        Assert.Empty(await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None));
    }

    [Fact]
    public async Task ListLedger_ByStatusSinceAndMessageId_PagesInIdOrder()
    {
        var store = Open();
        var a = SampleOrders.Message("a");
        var b = SampleOrders.Message("b") with { ProcessedAt = Later };
        var c = SampleOrders.Message("c") with { ProcessedAt = Later.ToOffset(TimeSpan.FromHours(2)).AddHours(1) };
        await store.CommitAsync(a, EmailResult.Quarantined(a.MessageId, "x"), CancellationToken.None);
        await store.CommitAsync(b, SampleOrders.Result(b, SampleOrders.Order()), CancellationToken.None);
        await store.CommitAsync(c, EmailResult.Quarantined(c.MessageId, "y"), CancellationToken.None);

        Assert.Equal(["a", "c"], (await store.ListLedgerAsync(new LedgerQuery { Status = LedgerStatus.Quarantined }, CancellationToken.None)).Select(e => e.LedgerKey));
        Assert.Equal(["b", "c"], (await store.ListLedgerAsync(new LedgerQuery { ProcessedSince = Later }, CancellationToken.None)).Select(e => e.LedgerKey));
        Assert.Equal(["b"], (await store.ListLedgerAsync(new LedgerQuery { MessageId = b.MessageId }, CancellationToken.None)).Select(e => e.LedgerKey));
        var first = await store.ListLedgerAsync(new LedgerQuery { Limit = 2 }, CancellationToken.None);
        Assert.Equal(["a", "b"], first.Select(e => e.LedgerKey));
        Assert.Equal(["c"], (await store.ListLedgerAsync(new LedgerQuery { Limit = 2, AfterId = first[^1].Id }, CancellationToken.None)).Select(e => e.LedgerKey));
    }

    [Fact]
    public async Task PurgeRawMessages_OlderThanCutoff_DeletesOnlyTheirRawBytesAndKeepsLedgerAndOrders()
    {
        var store = Open();
        var old = SampleOrders.Message("old");
        // Written with another offset: the cutoff compares instants, not text.
        var recent = SampleOrders.Message("recent") with { ProcessedAt = Later.ToOffset(TimeSpan.FromHours(-5)) };
        await store.CommitAsync(old, SampleOrders.Result(old, SampleOrders.Order(reference: "O-1")), CancellationToken.None);
        await store.CommitAsync(recent, SampleOrders.Result(recent, SampleOrders.Order(reference: "R-1")), CancellationToken.None);

        var purged = (await store.PurgeRawMessagesAsync(Later.AddMinutes(-1), CancellationToken.None));

        Assert.Equal(1, purged);
        Assert.Null(await store.GetRawMessageAsync("old", CancellationToken.None));
        Assert.NotNull(await store.GetRawMessageAsync("recent", CancellationToken.None));
        Assert.NotNull(await store.GetLedgerEntryAsync("old", CancellationToken.None));
        Assert.Equal(["O-1", "R-1"], (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(0, (await store.PurgeRawMessagesAsync(Later.AddMinutes(-1), CancellationToken.None)));
    }
}
