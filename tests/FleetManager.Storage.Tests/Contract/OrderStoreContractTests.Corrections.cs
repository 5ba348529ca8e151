using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;
using FleetManager.Storage.Export;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// The people's side of the book (<see cref="IOrderStore.Corrections"/>: corrections and statuses) on both back-ends,
/// and that it survives <c>reprocess</c> replacing a message's orders.
/// </summary>
public abstract partial class OrderStoreContractTests
{
    private static readonly DateTimeOffset CorrectedAt = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Runs SQL on the store as another program would (the previous release, a hand edit).</summary>
    protected abstract void ExecuteRaw(string sql);

    [Fact]
    public async Task CorrectionsAdd_ThenFor_KeepsBothValuesWhoAndWhenInOrder()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");

        var added = await store.Corrections.AddAsync(orderId, "weight_kg", "21400", "12345", "anna@example.com", CorrectedAt, CancellationToken.None);
        await store.Corrections.AddAsync(orderId, "customer", "Alpenland Spedition GmbH", null, "local", CorrectedAt.AddMinutes(1), CancellationToken.None);

        var list = await store.Corrections.ForAsync(orderId, CancellationToken.None);
        Assert.Equal(["weight_kg", "customer"], list.Select(c => c.Field));
        Assert.Equal(added, list[0]);
        Assert.Equal(("21400", "12345", "anna@example.com", CorrectedAt), (list[0].ValueRead, list[0].ValueSet, list[0].CorrectedBy, list[0].CorrectedAt));
        Assert.Null(list[1].ValueSet);
        Assert.Equal(2, (await store.Corrections.AllAsync(CancellationToken.None))[orderId].Count);
        Assert.Empty(await store.Corrections.ForAsync(orderId + 100, CancellationToken.None));
    }

    [Fact]
    public async Task CorrectionsAdd_WithASink_QueuesOneUpsertOfTheCorrectedOrderUnderTheCommitsKey()
    {
        var store = Open("sheets");
        var orderId = await CommitOneAsync(store, "corrections-1");
        var committed = Assert.Single((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        await store.MarkDeliveredAsync("sheets", [committed.Id], CorrectedAt, CancellationToken.None);

        await store.Corrections.AddAsync(orderId, "weight_kg", "22500", "12345", "local", CorrectedAt, CancellationToken.None);

        var update = Assert.Single((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        Assert.Equal((Core.Pipeline.OutboxChange.Upsert, committed.OrderKey), (update.Change, update.OrderKey));
        Assert.Contains("\"weight_kg\": 12345", update.PayloadJson.Replace(":12345", ": 12345", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("22500", update.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectionsAddToMessage_ThenForMessage_KeptByTheLedgerKeyAndInNoOrdersList()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");

        var added = await store.Corrections.AddToMessageAsync("corrections-1", "message.classification", "order", "other", "anna@example.com", CorrectedAt, CancellationToken.None);
        await store.Corrections.AddToMessageAsync("corrections-1", "message.classification", "other", "order", "local", CorrectedAt.AddMinutes(1), CancellationToken.None);

        var list = await store.Corrections.ForMessageAsync("corrections-1", CancellationToken.None);
        Assert.Equal([("order", "other"), ("other", "order")], list.Select(c => (c.ValueRead, c.ValueSet)));
        Assert.Equal(added, list[0]);
        Assert.Equal(0, added.OrderId);
        Assert.Empty(await store.Corrections.ForMessageAsync("another-message", CancellationToken.None));
        Assert.Empty(await store.Corrections.ForAsync(orderId, CancellationToken.None));
        Assert.DoesNotContain((await store.Corrections.AllAsync(CancellationToken.None)).Values.SelectMany(c => c), c => c.Field == "message.classification");
    }

    [Fact]
    public async Task CorrectionsAdd_OrderMissing_ReturnsNullAndWritesNothing()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");

        Assert.Null(await store.Corrections.AddAsync(orderId + 100, "weight_kg", null, "1", "local", CorrectedAt, CancellationToken.None));
        Assert.False(await store.Corrections.SetStatusAsync(orderId + 100, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None));

        Assert.Empty(await store.Corrections.AllAsync(CancellationToken.None));
        Assert.Empty(await store.Corrections.StatusesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CorrectionsSetStatus_Twice_KeepsTheLatestAndUntouchedOrdersAreNew()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");

        Assert.Equal(OrderStatus.New, (await store.Corrections.StatusOfAsync(orderId, CancellationToken.None)).Status);
        Assert.True(await store.Corrections.SetStatusAsync(orderId, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None));
        Assert.True(await store.Corrections.SetStatusAsync(orderId, OrderStatus.InTransit, "anna@example.com", CorrectedAt.AddHours(1), CancellationToken.None));

        var review = await store.Corrections.StatusOfAsync(orderId, CancellationToken.None);
        Assert.Equal((OrderStatus.InTransit, "anna@example.com", (DateTimeOffset?)CorrectedAt.AddHours(1)), (review.Status, review.ChangedBy, review.ChangedAt));
        Assert.Equal(review, Assert.Single(await store.Corrections.StatusesAsync(CancellationToken.None)).Value);
        Assert.Equal(OrderStatus.New, (await store.Corrections.StatusOfAsync(orderId + 1, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task CorrectionsExport_OfACorrectedOrder_WritesTheValueSetAndTheBookKeepsTheValueRead()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");
        await store.Corrections.AddAsync(orderId, "weight_kg", "21400", "12345", "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.AddAsync(orderId, "stops[0].city", "Eching", "Freising", "local", CorrectedAt, CancellationToken.None);

        using var csv = new StringWriter();
        await OrderCsvExporter.WriteAsync(CorrectedOrders.Apply(store.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), await store.Corrections.AllAsync(CancellationToken.None)), csv, CancellationToken.None);

        var row = csv.ToString().Split('\n')[1];
        Assert.Contains(",12345,", row, StringComparison.Ordinal);
        Assert.Contains(",Freising,", row, StringComparison.Ordinal);
        Assert.Equal("Eching", (await store.GetOrderAsync(orderId, CancellationToken.None))!.Order.Stops[0].City);
    }

    [Fact]
    public async Task Corrections_AfterReprocessReplacedTheOrders_StillApplyToTheSameOrderOfTheMessage()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("corrected-then-reprocessed");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "R-0"), SampleOrders.Order(reference: "R-1")), CancellationToken.None);
        // A later message holds the highest ids, so the reprocessed orders get new ones on both back-ends.
        await CommitOneAsync(store, "later");
        var before = await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None);
        await store.Corrections.AddAsync(before[1].Id, "weight_kg", "21400", "12345", "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.SetStatusAsync(before[1].Id, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);

        // The reader now reads the message differently (a new cargo), so reprocess replaces both orders.
        var outcome = await store.ReplaceAsync(message with { ProcessedAt = CorrectedAt.AddHours(1) }, SampleOrders.Result(message,
            SampleOrders.Order(reference: "R-0") with { CargoDescription = "read again" },
            SampleOrders.Order(reference: "R-1") with { CargoDescription = "read again" }), CancellationToken.None);

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var after = await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None);
        Assert.DoesNotContain(after[1].Id, before.Select(o => o.Id));
        Assert.Equal("12345", Assert.Single(await store.Corrections.ForAsync(after[1].Id, CancellationToken.None)).ValueSet);
        Assert.Empty(await store.Corrections.ForAsync(after[0].Id, CancellationToken.None));
        Assert.Equal(OrderStatus.Reviewed, (await store.Corrections.StatusOfAsync(after[1].Id, CancellationToken.None)).Status);
        Assert.Equal(OrderStatus.New, (await store.Corrections.StatusOfAsync(after[0].Id, CancellationToken.None)).Status);
        var corrected = await CorrectedOrders.Apply(store.QueryOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None), await store.Corrections.AllAsync(CancellationToken.None)).ToListAsync(CancellationToken.None);
        Assert.Equal([SampleOrders.Order().WeightKg, 12345m], corrected.Select(o => o.Order.WeightKg));
        Assert.Equal(["read again", "read again"], corrected.Select(o => o.Order.CargoDescription));
    }

    [Fact]
    public async Task CorrectionsSetStatus_AfterReprocess_ReplacesTheOrdersRowInsteadOfAddingOne()
    {
        var store = Open();
        var message = SampleOrders.Message("status-then-reprocessed");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "S-0")), CancellationToken.None);
        await CommitOneAsync(store, "later");
        var first = (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;
        await store.Corrections.SetStatusAsync(first, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);
        await store.ReplaceAsync(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "S-0") with { Pallets = 3 }), CancellationToken.None);
        var second = (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;

        Assert.True(await store.Corrections.SetStatusAsync(second, OrderStatus.Assigned, "anna@example.com", CorrectedAt.AddHours(1), CancellationToken.None));

        Assert.Equal(OrderStatus.Assigned, Assert.Single(await store.Corrections.StatusesAsync(CancellationToken.None)).Value.Status);
        Assert.Equal(second, (await store.Corrections.StatusesAsync(CancellationToken.None)).Single().Key);
    }

    [Fact]
    public async Task Migrate_ToStep5_KeysThePreviousReleasesCorrectionsSoTheySurviveReprocess()
    {
        long orderId;
        var message = SampleOrders.Message("written-by-v4");
        using (var previous = OpenWithSteps(4))
        {
            await previous.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "V4-0")), CancellationToken.None);
            await previous.CommitAsync(SampleOrders.Message("later"), SampleOrders.Result(SampleOrders.Message("later"), SampleOrders.Order(reference: "L")), CancellationToken.None);
            orderId = (await previous.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;
        }

        // What the previous release's dashboard wrote: rows by order id only.
        ExecuteRaw($"INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at) VALUES ({orderId}, 'pallets', NULL, '7', 'local', '2026-12-06T03:00:00+00:00')");
        ExecuteRaw($"INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ({orderId}, 'reviewed', 'local', '2026-12-06T03:00:00+00:00')");

        var store = Open();
        Assert.Equal(4, store.SchemaVersionAtOpen);
        await store.ReplaceAsync(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "V4-0") with { Pallets = 2 }), CancellationToken.None);
        var reprocessed = (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;

        Assert.NotEqual(orderId, reprocessed);
        Assert.Equal("7", Assert.Single(await store.Corrections.ForAsync(reprocessed, CancellationToken.None)).ValueSet);
        Assert.Equal(OrderStatus.Reviewed, (await store.Corrections.StatusOfAsync(reprocessed, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Open_ByThePreviousRelease_OnTheKeyedCorrectionsSchema_KeepsCommittingAndReadsTheStatusById()
    {
        var store = Open();
        var orderId = await CommitOneAsync(store, "corrections-1");
        await store.Corrections.AddAsync(orderId, "weight_kg", "21400", "12345", "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.SetStatusAsync(orderId, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);

        // The previous release knows steps 1–4: compatible_from (3) lets it open the book and write to it.
        var previous = Track(OpenWithSteps(4));
        var message = SampleOrders.Message("previous-release-1");
        Assert.True(await previous.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "PREV-1")), CancellationToken.None));
        Assert.Equal(OrderBookSchemaVersion, previous.SchemaVersion);
        Assert.Equal(2, (await previous.ListOrdersAsync(OrderQuery.All, CancellationToken.None)).Count);
        // What it writes by order id only is still read by this release.
        var previousOrder = (await previous.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;
        ExecuteRaw($"INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ({previousOrder}, 'assigned', 'old', '2026-12-06T03:00:00+00:00')");
        Assert.Equal(OrderStatus.Assigned, (await store.Corrections.StatusOfAsync(previousOrder, CancellationToken.None)).Status);
        Assert.Equal(2, (await store.Corrections.StatusesAsync(CancellationToken.None)).Count);
    }

    private static int OrderBookSchemaVersion => FleetManager.Storage.Sqlite.SqliteOrderBook.LatestSchemaVersion;

    private static async Task<long> CommitOneAsync(IOrderStore store, string ledgerKey)
    {
        var message = SampleOrders.Message(ledgerKey);
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);
        return (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;
    }
}
