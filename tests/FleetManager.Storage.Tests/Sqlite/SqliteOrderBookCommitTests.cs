using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Sqlite;

public sealed class SqliteOrderBookCommitTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SqliteOrderBook _book;

    public SqliteOrderBookCommitTests() => _book = SqliteOrderBook.Open(_temp.File("orders.db"));

    public void Dispose()
    {
        _book.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Commit_NewMessage_StoresLedgerOrdersAndStops()
    {
        var message = SampleOrders.Message("m1") with { ReceivedAt = new DateTimeOffset(2026, 11, 25, 9, 31, 0, TimeSpan.Zero) };
        var first = SampleOrders.Order(reference: "A-1");
        var second = SampleOrders.Order(reference: "A-2");

        Assert.True(await _book.CommitAsync(message, SampleOrders.Result(message, first, second), CancellationToken.None));

        var orders = await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None);
        Assert.Equal(["A-1", "A-2"], orders.Select(o => o.ReferenceNumber));
        Assert.Equal([0, 1], orders.Select(o => o.OrderIndex));
        var stored = (await _book.GetOrderAsync(orders[1].Id, CancellationToken.None))!;
        Assert.Equal(1, stored.OrderIndex);
        Assert.Equal("m1", stored.Message.LedgerKey);
        Assert.Equal(message.SourceKey, stored.Message.SourceKey);
        Assert.Equal(message.MessageId, stored.Message.MessageId);
        Assert.Equal(message.Subject, stored.Message.Subject);
        Assert.Equal(message.From, stored.Message.From);
        Assert.Equal(message.Date, stored.Message.Date);
        Assert.Equal(message.Date!.Value.Offset, stored.Message.Date!.Value.Offset);
        Assert.Equal(message.ReceivedAt, stored.Message.ReceivedAt);
        Assert.Equal(message.ProcessedAt, stored.Message.ProcessedAt);
        Assert.Equal(LedgerStatus.Processed, stored.Message.Status);
        Assert.Equal(Classification.Order, stored.Message.Classification);
        Assert.Equal(2, stored.Message.OrderCount);
        Assert.Null(stored.Message.Error);
    }

    [Fact]
    public async Task GetOrder_StoredOrder_IsTheSameOrderInSpecShapeWithItsEvidence()
    {
        var message = SampleOrders.Message("m1");
        var order = SampleOrders.Order();
        await _book.CommitAsync(message, SampleOrders.Result(message, order), CancellationToken.None);

        var stored = (await _book.GetOrderAsync((await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None))[0].Id, CancellationToken.None))!;

        var expected = JsonSerializer.Serialize(order, FleetManagerJsonContext.Compact.TransportOrder);
        Assert.Equal(expected, stored.OrderJson);
        Assert.Equal(expected, JsonSerializer.Serialize(stored.Order, FleetManagerJsonContext.Compact.TransportOrder));
        Assert.Equal(order.Sources, stored.Order.Sources);
        Assert.Equal(order.Stops, stored.Order.Stops);
        Assert.Equal(order.Price, stored.Order.Price);
        Assert.Equal(order.Contact, stored.Order.Contact);
    }

    [Fact]
    public async Task Contains_WhileAnotherThreadCommits_SeesEveryKeyCommittedBeforeIt()
    {
        const int Messages = 300;
        var committed = -1;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < Messages; i++)
            {
                var message = SampleOrders.Message("k" + i);
                await _book.CommitBatchAsync([(message, SampleOrders.Result(message, SampleOrders.Order()))], CancellationToken.None);
                Volatile.Write(ref committed, i);
            }
        });

        // The look-up runs on its own connection beside the writer's transactions: no exception, and
        // every key whose commit has returned is found.
        while (!writer.IsCompleted)
        {
            var last = Volatile.Read(ref committed);
            if (last >= 0)
            {
                Assert.True(await _book.ContainsAsync("k" + last, CancellationToken.None));
            }

            Assert.False(await _book.ContainsAsync("never-committed", CancellationToken.None));
        }

        await writer;
        Assert.True(await _book.ContainsAsync("k" + (Messages - 1), CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_AfterCommits_LeavesNoLogBehind()
    {
        var path = _temp.File("closed.db");
        var book = SqliteOrderBook.Open(path);
        var message = SampleOrders.Message("m1");
        await book.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);
        Assert.True(await book.ContainsAsync("m1", CancellationToken.None));

        book.Dispose();

        // The background checkpointer and the look-up connection closed before the writer, so the
        // writer's close was the last one and folded the log into the file.
        Assert.False(File.Exists(path + "-wal"));
        using var reopened = SqliteOrderBook.Open(path);
        Assert.True(await reopened.ContainsAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task GetOrder_UnknownId_ReturnsNull() => Assert.Null(await _book.GetOrderAsync(12345, CancellationToken.None));

    [Fact]
    public async Task Commit_OrderWithoutEvidence_ReadsBackEmptySources()
    {
        var message = SampleOrders.Message("m1");
        await _book.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order() with { Sources = new Dictionary<string, TextSpan>() }), CancellationToken.None);

        var stored = (await _book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).Single();

        Assert.Empty(stored.Order.Sources);
    }

    [Fact]
    public async Task Commit_SameLedgerKeyTwice_SecondIsANoOp()
    {
        var message = SampleOrders.Message("m1");
        Assert.True(await _book.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "FIRST")), CancellationToken.None));

        var again = message with { ProcessedAt = message.ProcessedAt.AddHours(1) };
        Assert.False(await _book.CommitAsync(again, SampleOrders.Result(again, SampleOrders.Order(reference: "SECOND"), SampleOrders.Order()), CancellationToken.None));

        var orders = await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None);
        Assert.Equal("FIRST", Assert.Single(orders).ReferenceNumber);
        Assert.Equal(message.ProcessedAt, (await _book.GetLedgerEntryAsync("m1", CancellationToken.None))!.ProcessedAt);
        Assert.Equal(1, (await _book.CountLedgerAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Commit_FailureAfterTheFirstOrder_StoresNothingOfTheMessage()
    {
        var message = SampleOrders.Message("m1");
        var good = SampleOrders.Order(reference: "GOOD");
        // NaN cannot be written as JSON: the second order fails after the ledger row, the raw bytes
        // and the first order were written inside the transaction.
        var bad = SampleOrders.Order(reference: "BAD") with
        {
            Stops = [new Stop { Type = StopType.Loading, City = "Nowhere", Latitude = double.NaN }],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _book.CommitAsync(message, SampleOrders.Result(message, good, bad), CancellationToken.None));

        Assert.False(await _book.ContainsAsync("m1", CancellationToken.None));
        Assert.Null(await _book.GetRawMessageAsync("m1", CancellationToken.None));
        Assert.Empty(await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None));
        Assert.Equal(0, (await _book.CountLedgerAsync(CancellationToken.None)).Total);
        // The book stays usable, and the same message can be committed once it is fixed.
        Assert.True(await _book.CommitAsync(message, SampleOrders.Result(message, good), CancellationToken.None));
        Assert.Equal("GOOD", Assert.Single(await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).ReferenceNumber);
    }

    [Fact]
    public async Task CommitBatch_NewAndKnownKeys_StoresNewOnesAndReportsEach()
    {
        var known = SampleOrders.Message("m0");
        await _book.CommitAsync(known, SampleOrders.Result(known, SampleOrders.Order(reference: "R-0")), CancellationToken.None);
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");

        var stored = await _book.CommitBatchAsync([
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "R-1"))),
            (known, SampleOrders.Result(known, SampleOrders.Order(reference: "DUPLICATE"))),
            (m2, EmailResult.Quarantined(m2.MessageId, "unreadable")),
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "AGAIN"))),
        ], CancellationToken.None);

        Assert.Equal([true, false, true, false], stored);
        Assert.Equal(["R-0", "R-1"], (await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal("m2", Assert.Single(await _book.ListQuarantinedAsync(100, 0, CancellationToken.None)).LedgerKey);
    }

    [Fact]
    public async Task CommitBatch_OneMessageFails_StoresNothingOfTheBatch()
    {
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");
        var bad = SampleOrders.Order() with { Stops = [new Stop { Type = StopType.Unloading, Longitude = double.PositiveInfinity }] };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _book.CommitBatchAsync([
            (m1, SampleOrders.Result(m1, SampleOrders.Order())),
            (m2, SampleOrders.Result(m2, bad)),
        ], CancellationToken.None));

        Assert.False(await _book.ContainsAsync("m1", CancellationToken.None));
        Assert.False(await _book.ContainsAsync("m2", CancellationToken.None));
        Assert.Equal(0, (await _book.CountLedgerAsync(CancellationToken.None)).Total);
        Assert.Equal([true], await _book.CommitBatchAsync([(m1, SampleOrders.Result(m1, SampleOrders.Order()))], CancellationToken.None));
    }

    [Fact]
    public async Task Commit_QuarantinedResult_RecordsReasonWithoutOrders()
    {
        var message = SampleOrders.Message("bad");

        Assert.True(await _book.CommitAsync(message, EmailResult.Quarantined(message.MessageId, "message over the 25 MB limit"), CancellationToken.None));

        Assert.True(await _book.ContainsAsync("bad", CancellationToken.None));
        Assert.Empty(await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None));
        var entry = Assert.Single(await _book.ListQuarantinedAsync(100, 0, CancellationToken.None));
        Assert.Equal("bad", entry.LedgerKey);
        Assert.Equal(LedgerStatus.Quarantined, entry.Status);
        Assert.Null(entry.Classification);
        Assert.Equal("message over the 25 MB limit", entry.Error);
        Assert.Equal(0, entry.OrderCount);
        Assert.NotNull(await _book.GetRawMessageAsync("bad", CancellationToken.None));
    }

    [Fact]
    public async Task ListQuarantined_Paging_ReturnsOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            var message = SampleOrders.Message("q" + i);
            await _book.CommitAsync(message, EmailResult.Quarantined(message.MessageId, "reason " + i), CancellationToken.None);
        }

        var page = await _book.ListQuarantinedAsync(limit: 2, offset: 1, CancellationToken.None);

        Assert.Equal(["q1", "q2"], page.Select(e => e.LedgerKey));
    }

    [Fact]
    public async Task Contains_UnknownKey_IsFalse()
    {
        var message = SampleOrders.Message("m1");
        await _book.CommitAsync(message, SampleOrders.Result(message), CancellationToken.None);

        Assert.True(await _book.ContainsAsync("m1", CancellationToken.None));
        Assert.False(await _book.ContainsAsync("m2", CancellationToken.None));
        Assert.False(await _book.ContainsAsync("M1", CancellationToken.None));
    }

    [Fact]
    public async Task GetRawMessage_BytesFromASlice_RoundTripExactly()
    {
        var bytes = new byte[5 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        var slice = bytes.AsMemory(17);
        var message = SampleOrders.Message("m1", raw: null) with { Raw = slice };
        await _book.CommitAsync(message, SampleOrders.Result(message), CancellationToken.None);

        Assert.Equal(slice.ToArray(), await _book.GetRawMessageAsync("m1", CancellationToken.None));
        Assert.Null(await _book.GetRawMessageAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task CountLedger_MixedMessages_CountsByStatusAndClassification()
    {
        await CommitAsync("o1", Classification.Order, SampleOrders.Order(), SampleOrders.Order());
        await CommitAsync("o2", Classification.Order, SampleOrders.Order());
        await CommitAsync("i1", Classification.Invoice);
        await CommitAsync("x1", Classification.Other);
        await CommitAsync("x2", Classification.Other);
        var bad = SampleOrders.Message("q1");
        await _book.CommitAsync(bad, EmailResult.Quarantined(bad.MessageId, "unreadable"), CancellationToken.None);

        var counts = await _book.CountLedgerAsync(CancellationToken.None);

        Assert.Equal(5, counts.Processed);
        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(6, counts.Total);
        Assert.Equal(3, counts.Orders);
        Assert.Equal(2, counts.ByClassification[Classification.Order]);
        Assert.Equal(1, counts.ByClassification[Classification.Invoice]);
        Assert.Equal(2, counts.ByClassification[Classification.Other]);
    }

    [Fact]
    public async Task CountLedger_EmptyBook_HasEveryClassificationAtZero()
    {
        var counts = await _book.CountLedgerAsync(CancellationToken.None);

        Assert.Equal(0, counts.Total);
        Assert.All(Enum.GetValues<Classification>(), c => Assert.Equal(0, counts.ByClassification[c]));
    }

    [Fact]
    public async Task Dispose_ThenUse_Throws()
    {
        using var temp = new TempDirectory();
        var book = SqliteOrderBook.Open(temp.File("x.db"));
        book.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await book.ContainsAsync("m1", CancellationToken.None));
    }

    private async Task CommitAsync(string key, Classification classification, params TransportOrder[] orders)
    {
        var message = SampleOrders.Message(key);
        await _book.CommitAsync(message, new EmailResult { MessageId = message.MessageId, Classification = classification, Orders = orders }, CancellationToken.None);
    }
}
