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
    public void CorrectionsAdd_ThenFor_KeepsBothValuesWhoAndWhenInOrder()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");

        var added = store.Corrections.Add(orderId, "weight_kg", "21400", "12345", "anna@example.com", CorrectedAt);
        store.Corrections.Add(orderId, "customer", "Alpenland Spedition GmbH", null, "local", CorrectedAt.AddMinutes(1));

        var list = store.Corrections.For(orderId);
        Assert.Equal(["weight_kg", "customer"], list.Select(c => c.Field));
        Assert.Equal(added, list[0]);
        Assert.Equal(("21400", "12345", "anna@example.com", CorrectedAt), (list[0].ValueRead, list[0].ValueSet, list[0].CorrectedBy, list[0].CorrectedAt));
        Assert.Null(list[1].ValueSet);
        Assert.Equal(2, store.Corrections.All()[orderId].Count);
        Assert.Empty(store.Corrections.For(orderId + 100));
    }

    [Fact]
    public async Task CorrectionsAdd_WithASink_QueuesOneUpsertOfTheCorrectedOrderUnderTheCommitsKey()
    {
        var store = Open("sheets");
        var orderId = CommitOne(store, "corrections-1");
        var committed = Assert.Single((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        await store.MarkDeliveredAsync("sheets", [committed.Id], CorrectedAt, CancellationToken.None);

        store.Corrections.Add(orderId, "weight_kg", "22500", "12345", "local", CorrectedAt);

        var update = Assert.Single((await store.PendingAsync("sheets", 10, CancellationToken.None)));
        Assert.Equal((Core.Pipeline.OutboxChange.Upsert, committed.OrderKey), (update.Change, update.OrderKey));
        Assert.Contains("\"weight_kg\": 12345", update.PayloadJson.Replace(":12345", ": 12345", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("22500", update.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectionsAddToMessage_ThenForMessage_KeptByTheLedgerKeyAndInNoOrdersList()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");

        var added = store.Corrections.AddToMessage("corrections-1", "message.classification", "order", "other", "anna@example.com", CorrectedAt);
        store.Corrections.AddToMessage("corrections-1", "message.classification", "other", "order", "local", CorrectedAt.AddMinutes(1));

        var list = store.Corrections.ForMessage("corrections-1");
        Assert.Equal([("order", "other"), ("other", "order")], list.Select(c => (c.ValueRead, c.ValueSet)));
        Assert.Equal(added, list[0]);
        Assert.Equal(0, added.OrderId);
        Assert.Empty(store.Corrections.ForMessage("another-message"));
        Assert.Empty(store.Corrections.For(orderId));
        Assert.DoesNotContain(store.Corrections.All().Values.SelectMany(c => c), c => c.Field == "message.classification");
    }

    [Fact]
    public void CorrectionsAdd_OrderMissing_ReturnsNullAndWritesNothing()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");

        Assert.Null(store.Corrections.Add(orderId + 100, "weight_kg", null, "1", "local", CorrectedAt));
        Assert.False(store.Corrections.SetStatus(orderId + 100, OrderStatus.Reviewed, "local", CorrectedAt));

        Assert.Empty(store.Corrections.All());
        Assert.Empty(store.Corrections.Statuses());
    }

    [Fact]
    public void CorrectionsSetStatus_Twice_KeepsTheLatestAndUntouchedOrdersAreNew()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");

        Assert.Equal(OrderStatus.New, store.Corrections.StatusOf(orderId).Status);
        Assert.True(store.Corrections.SetStatus(orderId, OrderStatus.Reviewed, "local", CorrectedAt));
        Assert.True(store.Corrections.SetStatus(orderId, OrderStatus.InTransit, "anna@example.com", CorrectedAt.AddHours(1)));

        var review = store.Corrections.StatusOf(orderId);
        Assert.Equal((OrderStatus.InTransit, "anna@example.com", (DateTimeOffset?)CorrectedAt.AddHours(1)), (review.Status, review.ChangedBy, review.ChangedAt));
        Assert.Equal(review, Assert.Single(store.Corrections.Statuses()).Value);
        Assert.Equal(OrderStatus.New, store.Corrections.StatusOf(orderId + 1).Status);
    }

    [Fact]
    public void CorrectionsExport_OfACorrectedOrder_WritesTheValueSetAndTheBookKeepsTheValueRead()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");
        store.Corrections.Add(orderId, "weight_kg", "21400", "12345", "local", CorrectedAt);
        store.Corrections.Add(orderId, "stops[0].city", "Eching", "Freising", "local", CorrectedAt);

        using var csv = new StringWriter();
        OrderCsvExporter.Write(CorrectedOrders.Apply(store.QueryOrders(OrderQuery.All).ToList(), store.Corrections.All()), csv);

        var row = csv.ToString().Split('\n')[1];
        Assert.Contains(",12345,", row, StringComparison.Ordinal);
        Assert.Contains(",Freising,", row, StringComparison.Ordinal);
        Assert.Equal("Eching", store.GetOrder(orderId)!.Order.Stops[0].City);
    }

    [Fact]
    public void Corrections_AfterReprocessReplacedTheOrders_StillApplyToTheSameOrderOfTheMessage()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("corrected-then-reprocessed");
        store.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "R-0"), SampleOrders.Order(reference: "R-1")));
        // A later message holds the highest ids, so the reprocessed orders get new ones on both back-ends.
        CommitOne(store, "later");
        var before = store.ListOrders(new OrderQuery { MessageId = message.MessageId });
        store.Corrections.Add(before[1].Id, "weight_kg", "21400", "12345", "local", CorrectedAt);
        store.Corrections.SetStatus(before[1].Id, OrderStatus.Reviewed, "local", CorrectedAt);

        // The reader now reads the message differently (a new cargo), so reprocess replaces both orders.
        var outcome = store.Replace(message with { ProcessedAt = CorrectedAt.AddHours(1) }, SampleOrders.Result(message,
            SampleOrders.Order(reference: "R-0") with { CargoDescription = "read again" },
            SampleOrders.Order(reference: "R-1") with { CargoDescription = "read again" }));

        Assert.Equal(ReplaceOutcome.Replaced, outcome);
        var after = store.ListOrders(new OrderQuery { MessageId = message.MessageId });
        Assert.DoesNotContain(after[1].Id, before.Select(o => o.Id));
        Assert.Equal("12345", Assert.Single(store.Corrections.For(after[1].Id)).ValueSet);
        Assert.Empty(store.Corrections.For(after[0].Id));
        Assert.Equal(OrderStatus.Reviewed, store.Corrections.StatusOf(after[1].Id).Status);
        Assert.Equal(OrderStatus.New, store.Corrections.StatusOf(after[0].Id).Status);
        var corrected = CorrectedOrders.Apply(store.QueryOrders(new OrderQuery { MessageId = message.MessageId }).ToList(), store.Corrections.All()).ToList();
        Assert.Equal([SampleOrders.Order().WeightKg, 12345m], corrected.Select(o => o.Order.WeightKg));
        Assert.Equal(["read again", "read again"], corrected.Select(o => o.Order.CargoDescription));
    }

    [Fact]
    public void CorrectionsSetStatus_AfterReprocess_ReplacesTheOrdersRowInsteadOfAddingOne()
    {
        var store = Open();
        var message = SampleOrders.Message("status-then-reprocessed");
        store.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "S-0")));
        CommitOne(store, "later");
        var first = store.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;
        store.Corrections.SetStatus(first, OrderStatus.Reviewed, "local", CorrectedAt);
        store.Replace(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "S-0") with { Pallets = 3 }));
        var second = store.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;

        Assert.True(store.Corrections.SetStatus(second, OrderStatus.Assigned, "anna@example.com", CorrectedAt.AddHours(1)));

        Assert.Equal(OrderStatus.Assigned, Assert.Single(store.Corrections.Statuses()).Value.Status);
        Assert.Equal(second, store.Corrections.Statuses().Single().Key);
    }

    [Fact]
    public void Migrate_ToStep5_KeysThePreviousReleasesCorrectionsSoTheySurviveReprocess()
    {
        long orderId;
        var message = SampleOrders.Message("written-by-v4");
        using (var previous = OpenWithSteps(4))
        {
            previous.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "V4-0")));
            previous.Commit(SampleOrders.Message("later"), SampleOrders.Result(SampleOrders.Message("later"), SampleOrders.Order(reference: "L")));
            orderId = previous.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;
        }

        // What the previous release's dashboard wrote: rows by order id only.
        ExecuteRaw($"INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at) VALUES ({orderId}, 'pallets', NULL, '7', 'local', '2026-12-06T03:00:00+00:00')");
        ExecuteRaw($"INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ({orderId}, 'reviewed', 'local', '2026-12-06T03:00:00+00:00')");

        var store = Open();
        Assert.Equal(4, store.SchemaVersionAtOpen);
        store.Replace(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "V4-0") with { Pallets = 2 }));
        var reprocessed = store.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;

        Assert.NotEqual(orderId, reprocessed);
        Assert.Equal("7", Assert.Single(store.Corrections.For(reprocessed)).ValueSet);
        Assert.Equal(OrderStatus.Reviewed, store.Corrections.StatusOf(reprocessed).Status);
    }

    [Fact]
    public void Open_ByThePreviousRelease_OnTheKeyedCorrectionsSchema_KeepsCommittingAndReadsTheStatusById()
    {
        var store = Open();
        var orderId = CommitOne(store, "corrections-1");
        store.Corrections.Add(orderId, "weight_kg", "21400", "12345", "local", CorrectedAt);
        store.Corrections.SetStatus(orderId, OrderStatus.Reviewed, "local", CorrectedAt);

        // The previous release knows steps 1–4: compatible_from (3) lets it open the book and write to it.
        var previous = Track(OpenWithSteps(4));
        var message = SampleOrders.Message("previous-release-1");
        Assert.True(previous.Commit(message, SampleOrders.Result(message, SampleOrders.Order(reference: "PREV-1"))));
        Assert.Equal(OrderBookSchemaVersion, previous.SchemaVersion);
        Assert.Equal(2, previous.ListOrders(OrderQuery.All).Count);
        // What it writes by order id only is still read by this release.
        var previousOrder = previous.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;
        ExecuteRaw($"INSERT INTO order_status (order_id, status, changed_by, changed_at) VALUES ({previousOrder}, 'assigned', 'old', '2026-12-06T03:00:00+00:00')");
        Assert.Equal(OrderStatus.Assigned, store.Corrections.StatusOf(previousOrder).Status);
        Assert.Equal(2, store.Corrections.Statuses().Count);
    }

    private static int OrderBookSchemaVersion => FleetManager.Storage.Sqlite.SqliteOrderBook.LatestSchemaVersion;

    private static long CommitOne(IOrderStore store, string ledgerKey)
    {
        var message = SampleOrders.Message(ledgerKey);
        store.Commit(message, SampleOrders.Result(message, SampleOrders.Order()));
        return store.ListOrders(new OrderQuery { MessageId = message.MessageId }).Single().Id;
    }
}
