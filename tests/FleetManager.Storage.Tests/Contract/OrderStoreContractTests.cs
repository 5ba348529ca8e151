using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Storage.Export;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// What every back-end of <see cref="IOrderStore"/> must do, run against SQLite and PostgreSQL
/// (one subclass each). Stores are opened through <see cref="OrderStoreFactory"/> from the
/// subclass's connection string, as the program does.
/// </summary>
public abstract partial class OrderStoreContractTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly List<IOrderStore> _opened = [];

    /// <summary>The store under test: a SQLite path or a PostgreSQL connection string, fresh per test.</summary>
    protected abstract string ConnectionString { get; }

    /// <summary>Opens the store with only the first <paramref name="steps"/> schema steps (an older program's schema).</summary>
    protected abstract IOrderStore OpenWithSteps(int steps);

    protected abstract OrderStoreKind ExpectedKind { get; }

    public virtual void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected IOrderStore Open(params string[] sinks)
    {
        var options = new OrderStoreOptions { ConnectionString = ConnectionString };
        foreach (var sink in sinks)
        {
            options.OutboxSinks.Add(sink);
        }

        var store = OrderStoreFactory.Open(options);
        _opened.Add(store);
        return store;
    }

    protected IOrderStore Track(IOrderStore store)
    {
        _opened.Add(store);
        return store;
    }

    [Fact]
    public void Open_NewStore_IsTheExpectedBackEndAtTheLatestSchema()
    {
        var store = Open();

        Assert.Equal(ExpectedKind, store.Kind);
        Assert.Equal(0, store.SchemaVersionAtOpen);
        Assert.Equal(SqliteOrderBook.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(SqliteOrderBook.LatestSchemaVersion, Open().SchemaVersionAtOpen);
    }

    [Fact]
    public async Task Commit_NewMessage_StoresLedgerOrdersAndStopsThatReadBackTheSame()
    {
        var store = Open();
        var message = SampleOrders.Message("m1") with { ReceivedAt = new DateTimeOffset(2026, 11, 25, 9, 31, 0, TimeSpan.Zero) };
        var first = SampleOrders.Order(reference: "A-1");
        var second = SampleOrders.Order(reference: "A-2", customer: "Łódź Trans");

        Assert.True(await store.CommitAsync(message, SampleOrders.Result(message, first, second), CancellationToken.None));

        var orders = await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None);
        Assert.Equal(["A-1", "A-2"], orders.Select(o => o.ReferenceNumber));
        Assert.Equal([0, 1], orders.Select(o => o.OrderIndex));
        Assert.Equal(new DateOnly(2026, 12, 3), orders[0].LoadingDate);
        Assert.Equal("PL", orders[0].UnloadingCountry);
        Assert.Equal(22500m, orders[0].WeightKg);
        Assert.Equal(new Price(1450m, "EUR"), orders[0].Price);
        Assert.Equal(VehicleType.Tautliner, orders[0].VehicleType);
        var stored = (await store.GetOrderAsync(orders[1].Id, CancellationToken.None))!;
        Assert.Equal(message.MessageId, stored.Message.MessageId);
        Assert.Equal(message.Date, stored.Message.Date);
        Assert.Equal(message.Date!.Value.Offset, stored.Message.Date!.Value.Offset);
        Assert.Equal(message.ReceivedAt, stored.Message.ReceivedAt);
        Assert.Equal(message.ProcessedAt, stored.Message.ProcessedAt);
        Assert.Equal(Classification.Order, stored.Message.Classification);
        Assert.Equal(2, stored.Message.OrderCount);
        Assert.Equal(JsonSerializer.Serialize(second, FleetManagerJsonContext.Compact.TransportOrder), stored.OrderJson);
        Assert.Equal(second.Sources, stored.Order.Sources);
        Assert.Equal(second.Stops, stored.Order.Stops);
        Assert.Null(await store.GetOrderAsync(987654, CancellationToken.None));
    }

    [Fact]
    public async Task Commit_SameLedgerKeyTwice_SecondIsANoOp()
    {
        var store = Open();
        var message = SampleOrders.Message("m1");
        Assert.True(await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "FIRST")), CancellationToken.None));

        Assert.False(await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "SECOND")), CancellationToken.None));

        Assert.Equal("FIRST", Assert.Single(await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).ReferenceNumber);
        Assert.Equal(1, (await store.CountLedgerAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Commit_SameMessageFromTwoInstances_StoresItOnce()
    {
        var one = Open();
        var two = Open();
        var message = SampleOrders.Message("shared");

        // Each on a thread-pool thread of its own, so the two commits race as two instances' would.
        var results = await Task.WhenAll(new[] { one, two }.Select(store =>
            Task.Run(async () => await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None))));

        Assert.Single(results, stored => stored);
        Assert.Single(await one.ListOrdersAsync(OrderQuery.All, CancellationToken.None));
    }

    [Fact]
    public async Task Commit_FailureInTheSecondOrder_StoresNothingOfTheMessage()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m1");
        var bad = SampleOrders.Order(reference: "BAD") with { Stops = [new Stop { Type = StopType.Loading, Latitude = double.NaN }] };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(), bad), CancellationToken.None));

        Assert.False(await store.ContainsAsync("m1", CancellationToken.None));
        Assert.Null(await store.GetRawMessageAsync("m1", CancellationToken.None));
        Assert.Equal(0, (await store.CountLedgerAsync(CancellationToken.None)).Total);
        Assert.Equal(0, (await store.DepthAsync("sheets", CancellationToken.None)));
        Assert.True(await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None));
    }

    [Fact]
    public async Task CommitBatch_NewAndKnownKeys_StoresNewOnesAndReportsEach()
    {
        var store = Open();
        var known = SampleOrders.Message("m0");
        await store.CommitAsync(known, SampleOrders.Result(known, SampleOrders.Order(reference: "R-0")), CancellationToken.None);
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");

        var stored = await store.CommitBatchAsync([
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "R-1"))),
            (known, SampleOrders.Result(known, SampleOrders.Order(reference: "DUPLICATE"))),
            (m2, EmailResult.Quarantined(m2.MessageId, "unreadable")),
            (m1, SampleOrders.Result(m1, SampleOrders.Order(reference: "AGAIN"))),
        ], CancellationToken.None);

        Assert.Equal([true, false, true, false], stored);
        Assert.Equal(["R-0", "R-1"], (await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Select(o => o.ReferenceNumber));
        var quarantined = Assert.Single(await store.ListQuarantinedAsync(100, 0, CancellationToken.None));
        Assert.Equal("m2", quarantined.LedgerKey);
        Assert.Equal("unreadable", quarantined.Error);
        Assert.Equal(LedgerStatus.Quarantined, (await store.GetLedgerEntryAsync("m2", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CommitBatch_OneMessageFails_StoresNothingOfTheBatch()
    {
        var store = Open("sheets");
        var m1 = SampleOrders.Message("m1");
        var m2 = SampleOrders.Message("m2");
        var bad = SampleOrders.Order() with { Stops = [new Stop { Type = StopType.Unloading, Longitude = double.PositiveInfinity }] };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.CommitBatchAsync([
            (m1, SampleOrders.Result(m1, SampleOrders.Order())),
            (m2, SampleOrders.Result(m2, bad)),
        ], CancellationToken.None));

        Assert.False(await store.ContainsAsync("m1", CancellationToken.None));
        Assert.False(await store.ContainsAsync("m2", CancellationToken.None));
        Assert.Equal(0, (await store.DepthAsync("sheets", CancellationToken.None)));
        Assert.Equal([true], await store.CommitBatchAsync([(m1, SampleOrders.Result(m1, SampleOrders.Order()))], CancellationToken.None));
    }

    [Fact]
    public async Task GetRawMessage_Bytes_RoundTripExactly()
    {
        var store = Open();
        var bytes = new byte[5 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        var message = SampleOrders.Message("m1") with { Raw = bytes.AsMemory(17) };
        await store.CommitAsync(message, SampleOrders.Result(message), CancellationToken.None);

        Assert.Equal(bytes[17..], await store.GetRawMessageAsync("m1", CancellationToken.None));
        Assert.Null(await store.GetRawMessageAsync("missing", CancellationToken.None));
        Assert.Null(await store.GetLedgerEntryAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task CountLedger_MixedMessages_CountsByStatusAndClassification()
    {
        var store = Open();
        await CommitAsync(store, "o1", Classification.Order, SampleOrders.Order(), SampleOrders.Order());
        await CommitAsync(store, "i1", Classification.Invoice);
        await CommitAsync(store, "x1", Classification.Other);
        var bad = SampleOrders.Message("q1");
        await store.CommitAsync(bad, EmailResult.Quarantined(bad.MessageId, "unreadable"), CancellationToken.None);

        var counts = await store.CountLedgerAsync(CancellationToken.None);

        Assert.Equal(3, counts.Processed);
        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(2, counts.Orders);
        Assert.Equal(1, counts.ByClassification[Classification.Order]);
        Assert.Equal(1, counts.ByClassification[Classification.Invoice]);
        Assert.Equal(1, counts.ByClassification[Classification.Other]);
    }

    [Fact]
    public async Task ListOrders_Filters_MatchTheSameOrdersOnEveryBackEnd()
    {
        var store = Open();
        var a = SampleOrders.Message("a", messageId: "<a@x>");
        var b = SampleOrders.Message("b", messageId: "<b@x>");
        await store.CommitAsync(a, SampleOrders.Result(a,
            SampleOrders.Order(reference: "REF-1", customer: "Łódź Logistics", loadingDate: new DateOnly(2026, 12, 1)),
            SampleOrders.Order(reference: "REF-2", customer: "Other", loadingCountry: "FR", unloadingCountry: "ES", loadingDate: new DateOnly(2026, 12, 10), requestType: RequestType.QuoteRequest)), CancellationToken.None);
        await store.CommitAsync(b, SampleOrders.Result(b, SampleOrders.Order(reference: "REF-3", customer: "LODZ again", loadingDate: new DateOnly(2026, 12, 20))), CancellationToken.None);

        async Task<string[]> References(OrderQuery query) => [.. (await store.ListOrdersAsync(query, CancellationToken.None)).Select(o => o.ReferenceNumber ?? "-")];

        Assert.Equal(["REF-1", "REF-3"], await References(new OrderQuery { CustomerContains = "lodz" }));
        Assert.Equal(["REF-2"], await References(new OrderQuery { Country = "es" }));
        Assert.Equal(["REF-2"], await References(new OrderQuery { ReferenceNumber = "ref-2" }));
        Assert.Equal(["REF-2"], await References(new OrderQuery { RequestType = RequestType.QuoteRequest }));
        Assert.Equal(["REF-2", "REF-3"], await References(new OrderQuery { LoadingFrom = new DateOnly(2026, 12, 2) }));
        Assert.Equal(["REF-1", "REF-2"], await References(new OrderQuery { LoadingTo = new DateOnly(2026, 12, 10) }));
        Assert.Equal(["REF-3"], await References(new OrderQuery { MessageId = "<b@x>" }));
        Assert.Equal(["REF-2"], await References(new OrderQuery { Limit = 1, Offset = 1 }));
        Assert.Equal(["REF-2", "REF-3"], await References(new OrderQuery { Offset = 1 }));
        Assert.Equal(["REF-1", "REF-2", "REF-3"], (await store.QueryOrdersAsync(new OrderQuery { Classification = Classification.Order }, CancellationToken.None).ToListAsync(CancellationToken.None)).Select(o => o.Order.ReferenceNumber));
    }

    [Fact]
    public async Task Commit_WithSinks_WritesOneOutboxEntryPerSinkAndOrderShapedLikeTheExport()
    {
        var store = Open("sheets", "webhook");
        var message = SampleOrders.Message("m1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "A"), SampleOrders.Order(reference: "B")), CancellationToken.None);

        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));

        Assert.Equal(2, pending.Count);
        Assert.Equal(2, (await store.DepthAsync("webhook", CancellationToken.None)));
        Assert.Equal([message.MessageId + "#0", message.MessageId + "#1"], pending.Select(e => e.OrderKey));
        Assert.All(pending, e => Assert.Equal("sheets", e.Sink));
        Assert.True(pending[0].Id < pending[1].Id);
        using var export = new MemoryStream();
        await OrderJsonExporter.WriteAsync(store.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), export, CancellationToken.None);
        var exported = JsonNode.Parse(export.ToArray())!.AsArray();
        for (var i = 0; i < pending.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(exported[i], JsonNode.Parse(pending[i].PayloadJson)), pending[i].PayloadJson);
        }
    }

    [Fact]
    public async Task Commit_WithoutSinks_WritesNoOutboxEntries()
    {
        var store = Open();
        var message = SampleOrders.Message("m1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);

        Assert.Equal(0, (await store.DepthAsync("sheets", CancellationToken.None)));
        Assert.Empty((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        Assert.Empty(store.OutboxSinks);
    }

    [Fact]
    public async Task Commit_QuarantinedOrKnownMessage_WritesNoOutboxEntries()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("m1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);
        var bad = SampleOrders.Message("bad");
        await store.CommitAsync(bad, EmailResult.Quarantined(bad.MessageId, "unreadable"), CancellationToken.None);

        Assert.Equal(1, (await store.DepthAsync("sheets", CancellationToken.None)));
    }

    [Fact]
    public async Task MarkDelivered_SomeEntries_TheRestStayPendingInOrderAndMarkingAgainChangesNothing()
    {
        var store = Open("sheets");
        for (var i = 0; i < 3; i++)
        {
            var message = SampleOrders.Message("m" + i);
            await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "R" + i)), CancellationToken.None);
        }

        var pending = (await store.PendingAsync("sheets", 2, CancellationToken.None));
        Assert.Equal(2, pending.Count);

        await store.MarkDeliveredAsync("sheets", [pending[0].Id, pending[1].Id], Now, CancellationToken.None);
        await store.MarkDeliveredAsync("sheets", [pending[0].Id], Now.AddMinutes(1), CancellationToken.None);
        await store.MarkDeliveredAsync("sheets", [], Now, CancellationToken.None);

        var rest = Assert.Single((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        Assert.Equal("<m2@mail.example>#0", rest.OrderKey);
        Assert.Equal(1, (await store.DepthAsync("sheets", CancellationToken.None)));
    }

    [Fact]
    public async Task MarkDelivered_OtherSinksEntries_LeavesThemPending()
    {
        var store = Open("sheets", "webhook");
        var message = SampleOrders.Message("m1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);

        await store.MarkDeliveredAsync("webhook", [.. (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id)], Now, CancellationToken.None);

        Assert.Equal(1, (await store.DepthAsync("sheets", CancellationToken.None)));
        Assert.Equal(1, (await store.DepthAsync("webhook", CancellationToken.None)));
    }

    [Fact]
    public async Task Outbox_EntriesWrittenByOneInstance_AreDeliveredByAnother()
    {
        var writer = Open("sheets");
        var reader = Open();
        var message = SampleOrders.Message("m1");
        await writer.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);

        var entry = Assert.Single((await reader.PendingAsync("sheets", 10, CancellationToken.None)));
        await reader.MarkDeliveredAsync("sheets", [entry.Id], Now, CancellationToken.None);

        Assert.Equal(0, (await writer.DepthAsync("sheets", CancellationToken.None)));
    }

    [Fact]
    public async Task Cursor_SavedTwice_ReadsTheLastOneFromAnyInstance()
    {
        var store = Open();
        Assert.Null((await store.GetCursorAsync("gmail:ops@example.com", CancellationToken.None)));

        await store.SaveCursorAsync("gmail:ops@example.com", "1000", Now, CancellationToken.None);
        await store.SaveCursorAsync("gmail:ops@example.com", "1042", Now.AddMinutes(1), CancellationToken.None);
        await store.SaveCursorAsync("imap:inbox", "7:15", Now, CancellationToken.None);

        Assert.Equal("1042", await Open().GetCursorAsync("gmail:ops@example.com", CancellationToken.None));
        Assert.Equal("7:15", (await store.GetCursorAsync("imap:inbox", CancellationToken.None)));
    }

    [Fact]
    public async Task TryAcquire_FreeLease_IsTakenAndAnotherHolderIsRefusedUntilItExpires()
    {
        var store = Open();

        Assert.True((await store.TryAcquireAsync("gmail", "blue", TimeSpan.FromSeconds(30), Now, CancellationToken.None)));
        Assert.False((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromSeconds(30), Now.AddSeconds(29), CancellationToken.None)));
        Assert.True((await store.TryAcquireAsync("other-source", "green", TimeSpan.FromSeconds(30), Now, CancellationToken.None)));
        Assert.True((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromSeconds(30), Now.AddSeconds(30), CancellationToken.None)));
        Assert.False((await store.TryAcquireAsync("gmail", "blue", TimeSpan.FromSeconds(30), Now.AddSeconds(31), CancellationToken.None)));
    }

    [Fact]
    public async Task TryAcquire_SameHolder_RenewsAndExtendsTheExpiry()
    {
        var store = Open();
        Assert.True((await store.TryAcquireAsync("gmail", "blue", TimeSpan.FromSeconds(30), Now, CancellationToken.None)));

        Assert.True((await store.TryAcquireAsync("gmail", "blue", TimeSpan.FromSeconds(30), Now.AddSeconds(20), CancellationToken.None)));

        Assert.False((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromSeconds(30), Now.AddSeconds(45), CancellationToken.None)));
        Assert.True((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromSeconds(30), Now.AddSeconds(50), CancellationToken.None)));
    }

    [Fact]
    public async Task Release_ByTheHolder_FreesTheLeaseAndByAnotherHolderDoesNothing()
    {
        var store = Open();
        Assert.True((await store.TryAcquireAsync("gmail", "blue", TimeSpan.FromMinutes(5), Now, CancellationToken.None)));

        await store.ReleaseAsync("gmail", "green", CancellationToken.None);
        Assert.False((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromMinutes(5), Now, CancellationToken.None)));

        await store.ReleaseAsync("gmail", "blue", CancellationToken.None);
        Assert.True((await store.TryAcquireAsync("gmail", "green", TimeSpan.FromMinutes(5), Now, CancellationToken.None)));
    }

    [Fact]
    public async Task TryAcquire_TwoInstancesContending_ExactlyOneWinsEachLease()
    {
        var blue = Open();
        var green = Open();
        const int leases = 25;
        using var start = new Barrier(2);

        async Task<bool[]> ContendAsync(IOrderStore store, string holder)
        {
            start.SignalAndWait();
            var won = new bool[leases];
            for (var i = 0; i < leases; i++)
            {
                won[i] = await store.TryAcquireAsync("source-" + i, holder, TimeSpan.FromMinutes(1), Now, CancellationToken.None);
            }

            return won;
        }

        var blueTask = Task.Factory.StartNew(() => ContendAsync(blue, "blue"), TaskCreationOptions.LongRunning).Unwrap();
        var greenTask = Task.Factory.StartNew(() => ContendAsync(green, "green"), TaskCreationOptions.LongRunning).Unwrap();
        var blueWon = await blueTask;
        var greenWon = await greenTask;

        for (var i = 0; i < leases; i++)
        {
            Assert.True(blueWon[i] ^ greenWon[i], $"lease {i}: blue {blueWon[i]}, green {greenWon[i]}");
            // The loser stays refused; the winner renews.
            var (winner, loser, winnerName, loserName) = blueWon[i] ? (blue, green, "blue", "green") : (green, blue, "green", "blue");
            Assert.False((await loser.TryAcquireAsync("source-" + i, loserName, TimeSpan.FromMinutes(1), Now.AddSeconds(1), CancellationToken.None)));
            Assert.True((await winner.TryAcquireAsync("source-" + i, winnerName, TimeSpan.FromMinutes(1), Now.AddSeconds(1), CancellationToken.None)));
        }
    }

    [Fact]
    public async Task GeocodeCache_HitsMissesAndUnknownQueries_AreToldApart()
    {
        var store = Open();
        var point = new GeoPoint(48.3, 11.62, 0.8);

        Assert.Null(await store.GetAsync("google", "Eching, Germany", CancellationToken.None));
        await store.PutAsync("google", "Eching, Germany", point, Now, CancellationToken.None);
        await store.PutAsync("google", "Nowhere 12345", null, Now, CancellationToken.None);

        var hit = await store.GetAsync("google", "Eching, Germany", CancellationToken.None);
        Assert.NotNull(hit);
        Assert.Equal(point, hit.Point);
        var miss = await store.GetAsync("google", "Nowhere 12345", CancellationToken.None);
        Assert.NotNull(miss);
        Assert.Null(miss.Point);
        Assert.Null(await store.GetAsync("nominatim", "Eching, Germany", CancellationToken.None));
    }

    [Fact]
    public async Task GeocodeCache_QueryDifferingInCaseAndSpaces_IsTheSameEntryAndPutReplaces()
    {
        var store = Open();
        await store.PutAsync("nominatim", "Łódź,  ul. Piotrkowska 1", null, Now, CancellationToken.None);
        await store.PutAsync("nominatim", "  łódź, UL. Piotrkowska   1 ", new GeoPoint(51.77, 19.46), Now.AddDays(1), CancellationToken.None);

        var hit = await store.GetAsync("nominatim", "ŁÓDŹ, ul. piotrkowska 1", CancellationToken.None);
        Assert.NotNull(hit);
        Assert.Equal(new GeoPoint(51.77, 19.46), hit.Point);
        Assert.Null(await store.GetAsync("nominatim", "Lodz, ul. Piotrkowska 1", CancellationToken.None));
    }

    [Fact]
    public async Task Open_PreviousSchemaVersionWithData_MigratesAndKeepsEverything()
    {
        var message = SampleOrders.Message("m1");
        using (var old = OpenWithSteps(1))
        {
            Assert.Equal(1, old.SchemaVersion);
            await old.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "OLD")), CancellationToken.None);
        }

        var store = Open("sheets");

        Assert.Equal(1, store.SchemaVersionAtOpen);
        Assert.Equal(SqliteOrderBook.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal("OLD", Assert.Single(await store.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).ReferenceNumber);
        Assert.Equal(message.Raw.ToArray(), await store.GetRawMessageAsync("m1", CancellationToken.None));
        await store.SaveCursorAsync("imap", "1:2", Now, CancellationToken.None);
        Assert.True((await store.TryAcquireAsync("imap", "me", TimeSpan.FromMinutes(1), Now, CancellationToken.None)));
        var next = SampleOrders.Message("m2");
        Assert.True(await store.CommitAsync(next, SampleOrders.Result(next, SampleOrders.Order()), CancellationToken.None));
        Assert.Equal(1, (await store.DepthAsync("sheets", CancellationToken.None)));
    }

    [Fact]
    public void Open_OlderSchemaWithMigrationsDisabled_IsRefusedWithTheMigrateHint()
    {
        OpenWithSteps(1).Dispose();

        var error = Assert.Throws<OrderBookUnavailableException>(() => OrderStoreFactory.Open(
            new OrderStoreOptions { ConnectionString = ConnectionString, ApplyMigrations = false }));

        Assert.Contains("db migrate", error.Message);
        Assert.Equal(1, Track(OpenWithSteps(1)).SchemaVersion);
    }

    private static async Task CommitAsync(IOrderStore store, string key, Classification classification, params TransportOrder[] orders)
    {
        var message = SampleOrders.Message(key);
        await store.CommitAsync(message, new EmailResult { MessageId = message.MessageId, Classification = classification, Orders = orders }, CancellationToken.None);
    }
}
