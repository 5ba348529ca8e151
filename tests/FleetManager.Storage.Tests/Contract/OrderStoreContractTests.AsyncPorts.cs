using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The asynchronous order-book port (<see cref="IOrderBook"/>) the import and the service use, on both back-ends.</summary>
public abstract partial class OrderStoreContractTests
{
    private static ProcessedMessage Processed(string ledgerKey, EmailResult? result = null)
    {
        var raw = new RawMessage("folder:/mail/" + ledgerKey + ".eml", Encoding.UTF8.GetBytes("Subject: test\r\n\r\nbody of " + ledgerKey));
        var message = SampleOrders.Message(ledgerKey);
        return new ProcessedMessage(raw, ledgerKey, null, result ?? SampleOrders.Result(message, SampleOrders.Order(reference: "R-" + ledgerKey)));
    }

    [Fact]
    public async Task CommitBatchAsync_NewAndKnownKeys_StoresNewOnesAndReportsEach()
    {
        IOrderBook book = Open("sheets");
        Assert.True(await book.CommitAsync(Processed("m0"), SampleOrders.ProcessedAt, CancellationToken.None));

        var stored = await book.CommitBatchAsync(
            [Processed("m1"), Processed("m0"), Processed("m2", EmailResult.Quarantined("<m2@mail.example>", "unreadable")), Processed("m1")],
            SampleOrders.ProcessedAt,
            CancellationToken.None);

        Assert.Equal([true, false, true, false], stored);
        var store = (IOrderStore)book;
        Assert.Equal(["R-m0", "R-m1"], (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(2, (await store.DepthAsync("sheets", CancellationToken.None)));
        Assert.True(await book.ContainsAsync("m1", CancellationToken.None));
        Assert.False(await book.ContainsAsync("m3", CancellationToken.None));
        Assert.True(await book.IsQuarantinedAsync("m2", CancellationToken.None));
        Assert.False(await book.IsQuarantinedAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task CommitBatchAsync_OneMessageFails_StoresNothingOfTheBatch()
    {
        IOrderBook book = Open("sheets");
        var bad = SampleOrders.Order() with { Stops = [new Stop { Type = StopType.Unloading, Longitude = double.PositiveInfinity }] };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await book.CommitBatchAsync(
            [Processed("m1"), Processed("m2", SampleOrders.Result(SampleOrders.Message("m2"), bad))],
            SampleOrders.ProcessedAt,
            CancellationToken.None));

        Assert.False(await book.ContainsAsync("m1", CancellationToken.None));
        Assert.Equal(0, await ((IOrderStore)book).DepthAsync("sheets", CancellationToken.None));
    }

    [Fact]
    public async Task CommitBatchAsync_AlreadyCancelled_StoresNothing()
    {
        IOrderBook book = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await book.CommitBatchAsync([Processed("m1")], SampleOrders.ProcessedAt, cancelled.Token));

        Assert.False(await book.ContainsAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task CommitBatchAsync_ConcurrentCallers_EachKeyStoredOnce()
    {
        IOrderBook book = Open();
        var keys = Enumerable.Range(0, 8).Select(i => "m" + i).ToArray();

        // Eight callers at once, each committing every key: the gate (SQLite) or the unique ledger key (PostgreSQL)
        // lets exactly one commit of each key through.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            await book.CommitBatchAsync([.. keys.Select(k => Processed(k))], SampleOrders.ProcessedAt, CancellationToken.None))));

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(1, results.Count(r => r[i]));
        }

        Assert.Equal(keys.Length, (await ((IOrderStore)book).ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Count);
    }
}
