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
    public void Commit_NewMessage_StoresLedgerOrdersAndStops()
    {
        var message = SampleOrders.Message("m1") with { ReceivedAt = new DateTimeOffset(2026, 11, 25, 9, 31, 0, TimeSpan.Zero) };
        var first = SampleOrders.Order(reference: "A-1");
        var second = SampleOrders.Order(reference: "A-2");

        Assert.True(_book.Commit(message, SampleOrders.Result(message, first, second)));

        var orders = _book.ListOrders(OrderQuery.All);
        Assert.Equal(["A-1", "A-2"], orders.Select(o => o.ReferenceNumber));
        Assert.Equal([0, 1], orders.Select(o => o.OrderIndex));
        var stored = _book.GetOrder(orders[1].Id)!;
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
    public void GetOrder_StoredOrder_IsTheSameOrderInSpecShapeWithItsEvidence()
    {
        var message = SampleOrders.Message("m1");
        var order = SampleOrders.Order();
        _book.Commit(message, SampleOrders.Result(message, order));

        var stored = _book.GetOrder(_book.ListOrders(OrderQuery.All)[0].Id)!;

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
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Messages; i++)
            {
                var message = SampleOrders.Message("k" + i);
                _book.CommitBatch([(message, SampleOrders.Result(message, SampleOrders.Order()))]);
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
                Assert.True(_book.Contains("k" + last));
            }

            Assert.False(_book.Contains("never-committed"));
        }

        await writer;
        Assert.True(_book.Contains("k" + (Messages - 1)));
    }

    [Fact]
    public void Dispose_AfterCommits_LeavesNoLogBehind()
    {
        var path = _temp.File("closed.db");
        var book = SqliteOrderBook.Open(path);
        var message = SampleOrders.Message("m1");
        book.Commit(message, SampleOrders.Result(message, SampleOrders.Order()));
        Assert.True(book.Contains("m1"));

        book.Dispose();

        // The background checkpointer and the look-up connection closed before the writer, so the
        // writer's close was the last one and folded the log into the file.
        Assert.False(File.Exists(path + "-wal"));
        using var reopened = SqliteOrderBook.Open(path);
        Assert.True(reopened.Contains("m1"));
    }

    [Fact]
    public void GetOrder_UnknownId_ReturnsNull() => Assert.Null(_book.GetOrder(12345));

    [Fact]
    public void Commit_OrderWithoutEvidence_ReadsBackEmptySources()
    {
        var message = SampleOrders.Message("m1");
        _book.Commit(message, SampleOrders.Result(message, SampleOrders.Order() with { Sources = new Dictionary<string, TextSpan>() }));

        var stored = _book.QueryOrders(OrderQuery.All).Single();

        Assert.Empty(stored.Order.Sources);
    }

    [Fact]
    public void Commit_SameLedgerKeyTwice_SecondIsANoOp()
    {
        var message = SampleOrders.Message("m1");
        Assert.True(_book.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "FIRST"))));

        var again = message with { ProcessedAt = message.ProcessedAt.AddHours(1) };
        Assert.False(_book.Commit(again, SampleOrders.Result(again, SampleOrders.Order(reference: "SECOND"), SampleOrders.Order())));

        var orders = _book.ListOrders(OrderQuery.All);
        Assert.Equal("FIRST", Assert.Single(orders).ReferenceNumber);
        Assert.Equal(message.ProcessedAt, _book.GetLedgerEntry("m1")!.ProcessedAt);
        Assert.Equal(1, _book.CountLedger().Total);
    }

    [Fact]
    public void Commit_FailureAfterTheFirstOrder_StoresNothingOfTheMessage()
    {
        var message = SampleOrders.Message("m1");
        var good = SampleOrders.Order(reference: "GOOD");
        // NaN cannot be written as JSON: the second order fails after the ledger row, the raw bytes
        // and the first order were written inside the transaction.
        var bad = SampleOrders.Order(reference: "BAD") with
        {
            Stops = [new Stop { Type = StopType.Loading, City = "Nowhere", Latitude = double.NaN }],
        };

        Assert.ThrowsAny<ArgumentException>(() => _book.Commit(message, SampleOrders.Result(message, good, bad)));

        Assert.False(_book.Contains("m1"));
        Assert.Null(_book.GetRawMessage("m1"));
        Assert.Empty(_book.ListOrders(OrderQuery.All));
        Assert.Equal(0, _book.CountLedger().Total);
        // The book stays usable, and the same message can be committed once it is fixed.
        Assert.True(_book.Commit(message, SampleOrders.Result(message, good)));
        Assert.Equal("GOOD", Assert.Single(_book.ListOrders(OrderQuery.All)).ReferenceNumber);
    }

    [Fact]
    public void CommitBatch_NewAndKnownKeys_StoresNewOnesAndReportsEach()
    {
        var known = SampleOrders.Message("m0");
        _book.Commit(known, SampleOrders.Result(known, SampleOrders.Order(reference: "R-0")));
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");

        var stored = _book.CommitBatch(
        [
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "R-1"))),
            (known, SampleOrders.Result(known, SampleOrders.Order(reference: "DUPLICATE"))),
            (m2, EmailResult.Quarantined(m2.MessageId, "unreadable")),
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "AGAIN"))),
        ]);

        Assert.Equal([true, false, true, false], stored);
        Assert.Equal(["R-0", "R-1"], _book.ListOrders(OrderQuery.All).Select(o => o.ReferenceNumber));
        Assert.Equal("m2", Assert.Single(_book.ListQuarantined()).LedgerKey);
    }

    [Fact]
    public void CommitBatch_OneMessageFails_StoresNothingOfTheBatch()
    {
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");
        var bad = SampleOrders.Order() with { Stops = [new Stop { Type = StopType.Unloading, Longitude = double.PositiveInfinity }] };

        Assert.ThrowsAny<ArgumentException>(() => _book.CommitBatch(
        [
            (m1, SampleOrders.Result(m1, SampleOrders.Order())),
            (m2, SampleOrders.Result(m2, bad)),
        ]));

        Assert.False(_book.Contains("m1"));
        Assert.False(_book.Contains("m2"));
        Assert.Equal(0, _book.CountLedger().Total);
        Assert.Equal([true], _book.CommitBatch([(m1, SampleOrders.Result(m1, SampleOrders.Order()))]));
    }

    [Fact]
    public void Commit_QuarantinedResult_RecordsReasonWithoutOrders()
    {
        var message = SampleOrders.Message("bad");

        Assert.True(_book.Commit(message, EmailResult.Quarantined(message.MessageId, "message over the 25 MB limit")));

        Assert.True(_book.Contains("bad"));
        Assert.Empty(_book.ListOrders(OrderQuery.All));
        var entry = Assert.Single(_book.ListQuarantined());
        Assert.Equal("bad", entry.LedgerKey);
        Assert.Equal(LedgerStatus.Quarantined, entry.Status);
        Assert.Null(entry.Classification);
        Assert.Equal("message over the 25 MB limit", entry.Error);
        Assert.Equal(0, entry.OrderCount);
        Assert.NotNull(_book.GetRawMessage("bad"));
    }

    [Fact]
    public void ListQuarantined_Paging_ReturnsOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            var message = SampleOrders.Message("q" + i);
            _book.Commit(message, EmailResult.Quarantined(message.MessageId, "reason " + i));
        }

        var page = _book.ListQuarantined(limit: 2, offset: 1);

        Assert.Equal(["q1", "q2"], page.Select(e => e.LedgerKey));
    }

    [Fact]
    public void Contains_UnknownKey_IsFalse()
    {
        var message = SampleOrders.Message("m1");
        _book.Commit(message, SampleOrders.Result(message));

        Assert.True(_book.Contains("m1"));
        Assert.False(_book.Contains("m2"));
        Assert.False(_book.Contains("M1"));
    }

    [Fact]
    public void GetRawMessage_BytesFromASlice_RoundTripExactly()
    {
        var bytes = new byte[5 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        var slice = bytes.AsMemory(17);
        var message = SampleOrders.Message("m1", raw: null) with { Raw = slice };
        _book.Commit(message, SampleOrders.Result(message));

        Assert.Equal(slice.ToArray(), _book.GetRawMessage("m1"));
        Assert.Null(_book.GetRawMessage("missing"));
    }

    [Fact]
    public void CountLedger_MixedMessages_CountsByStatusAndClassification()
    {
        Commit("o1", Classification.Order, SampleOrders.Order(), SampleOrders.Order());
        Commit("o2", Classification.Order, SampleOrders.Order());
        Commit("i1", Classification.Invoice);
        Commit("x1", Classification.Other);
        Commit("x2", Classification.Other);
        var bad = SampleOrders.Message("q1");
        _book.Commit(bad, EmailResult.Quarantined(bad.MessageId, "unreadable"));

        var counts = _book.CountLedger();

        Assert.Equal(5, counts.Processed);
        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(6, counts.Total);
        Assert.Equal(3, counts.Orders);
        Assert.Equal(2, counts.ByClassification[Classification.Order]);
        Assert.Equal(1, counts.ByClassification[Classification.Invoice]);
        Assert.Equal(2, counts.ByClassification[Classification.Other]);
    }

    [Fact]
    public void CountLedger_EmptyBook_HasEveryClassificationAtZero()
    {
        var counts = _book.CountLedger();

        Assert.Equal(0, counts.Total);
        Assert.All(Enum.GetValues<Classification>(), c => Assert.Equal(0, counts.ByClassification[c]));
    }

    [Fact]
    public void Dispose_ThenUse_Throws()
    {
        using var temp = new TempDirectory();
        var book = SqliteOrderBook.Open(temp.File("x.db"));
        book.Dispose();

        Assert.Throws<ObjectDisposedException>(() => book.Contains("m1"));
    }

    private void Commit(string key, Classification classification, params TransportOrder[] orders)
    {
        var message = SampleOrders.Message(key);
        _book.Commit(message, new EmailResult { MessageId = message.MessageId, Classification = classification, Orders = orders });
    }
}
