using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// The orders page's rows (<see cref="IOrderStore.ListOrderEntriesAsync"/>, read from <c>order_list</c>'s shown columns of
/// schema step 11) on both back-ends: the same page, cells and cursor as the orders read whole, on every path a row is
/// written by (commit, catch-up, correction, the upgrade of a book listed before the step, the previous release beside).
/// </summary>
public abstract partial class OrderStoreContractTests
{
    /// <summary>Runs one scalar query on the store as another program would (what a row holds, not what the store says).</summary>
    protected abstract long ScalarRaw(string sql);

    [Fact]
    public async Task ListOrderEntries_EveryViewAndPage_ShowsTheCellsOfTheCorrectedOrdersOfBrowseOrders()
    {
        var store = Open();
        var other = Open();
        await CommitBrowsableAsync(store, "e1", SampleOrders.Order(reference: "E-1", customer: "Łódź Trans") with
        {
            WeightKg = 24000.50m, VehicleType = VehicleType.Reefer, Price = new Price(1850.00m, "EUR"), CargoDescription = "Chilled <goods> & more",
            Confidence = new OrderConfidence { Order = 0.4, Low = true },
        });
        await CommitBrowsableAsync(other, "e2", SampleOrders.Order(reference: null, customer: null, loadingCountry: "pl", requestType: RequestType.QuoteRequest) with { Stops = [] });
        var corrected = await CommitBrowsableAsync(store, "e3", SampleOrders.Order(reference: "E-3", customer: "Old Name", loadingDate: new DateOnly(2026, 5, 1)));
        await CommitBrowsableAsync(store, "e4", SampleOrders.Order(reference: "E-4", customer: "Nordfracht") with { WeightKg = 12000m });
        await store.Corrections.AddAsync(corrected, "customer", "Old Name", "Żabka Logistics", "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.SetStatusAsync(corrected, OrderStatus.Assigned, "local", CorrectedAt, CancellationToken.None);

        foreach (var view in new[]
        {
            new OrderBrowseQuery { Limit = 50 },
            new OrderBrowseQuery { Sort = "customer", Descending = true, Limit = 2 },
            new OrderBrowseQuery { Sort = "weight_kg", Limit = 1 },
            new OrderBrowseQuery { Sort = "loading_date", Limit = 3, Countries = ["DE", "PL"] },
            new OrderBrowseQuery { Search = "zabka", Limit = 50 },
            new OrderBrowseQuery { NeedsReview = true, Limit = 50 },
        })
        {
            var query = view;
            do
            {
                var whole = await store.BrowseOrdersAsync(query, CancellationToken.None);
                var entries = await store.ListOrderEntriesAsync(query, CancellationToken.None);

                Assert.Equal((whole.Total, whole.TotalCapped, whole.NextCursor), (entries.Total, entries.TotalCapped, entries.NextCursor));
                Assert.Equal(whole.Rows.Select(ShownAsThePageShowedTheOrder), entries.Rows);
                query = query with { After = whole.NextCursor };
            }
            while (query.After is not null);
        }

        var zabka = Assert.Single((await store.ListOrderEntriesAsync(new OrderBrowseQuery { Search = "zabka" }, CancellationToken.None)).Rows);
        Assert.Equal(("Żabka Logistics", OrderStatus.Assigned, 1, "2026-05-01"), (zabka.Customer, zabka.Status, zabka.CorrectionCount, zabka.LoadingDate));
        var reefer = (await store.ListOrderEntriesAsync(new OrderBrowseQuery { Search = "e-1" }, CancellationToken.None)).Rows.Single();
        Assert.Equal(("24000.50", "reefer", "1850.00 EUR", 0.4, true), (reefer.WeightKg, reefer.VehicleType, reefer.Price, reefer.Confidence, reefer.NeedsReview));
    }

    [Fact]
    public async Task Migrate_ToStep11_FillsTheShownColumnsOfTheRowsListedBeforeOnTheFirstCatchUp()
    {
        var message = SampleOrders.Message("listed-by-v10");
        using (var previous = OpenWithSteps(10))
        {
            await previous.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "V10-0", customer: "Old Name") with { WeightKg = 7500m }), CancellationToken.None);
            var later = SampleOrders.Message("later-v10");
            await previous.CommitAsync(later, SampleOrders.Result(later, SampleOrders.Order(reference: "V10-1", customer: "Wien Trans")), CancellationToken.None);
        }

        // What the previous release's list held: its columns only (no shown_*), and a correction it wrote.
        ExecuteRaw(
            "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) " +
            "SELECT o.id, l.ledger_key, o.order_index, l.source_key, 'v10', 'v10', 'v10', '2026-12-03', '2026-12-04', 1, 'DE', 'PL', 'booking', 0.9, 0, 'new', 0 " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id");
        ExecuteRaw(
            "INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at, ledger_key, order_index) " +
            "SELECT o.id, 'customer', 'Old Name', 'Żabka Logistics', 'local', '2026-12-06T03:00:00+00:00', l.ledger_key, o.order_index " +
            "FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE l.ledger_key = 'listed-by-v10'");

        var store = Open();
        Assert.Equal(10, store.SchemaVersionAtOpen);
        Assert.Equal(2, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));

        Assert.Equal(0, await store.CatchUpOrderListAsync(null, CancellationToken.None));

        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0 OR shown_reference IS NULL"));
        var rows = (await store.ListOrderEntriesAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows;
        Assert.Equal([("V10-0", "Żabka Logistics", "7500"), ("V10-1", "Wien Trans", "22500")], rows.Select(r => (r.ReferenceNumber, r.Customer, r.WeightKg)));
        Assert.Equal(("Eching", "DE", "PL"), (rows[0].LoadingCity, rows[0].LoadingCountry, rows[0].UnloadingCountry));
    }

    [Fact]
    public async Task ListOrderEntries_RowRewrittenByThePreviousRelease_IsShownFromItsOrderAndFilledAgain()
    {
        var store = Open();
        var id = await CommitBrowsableAsync(store, "pr1", SampleOrders.Order(reference: "PR-1", customer: "Old Name"));
        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));

        // The previous release corrects the customer: its correction row, and its list row written again without shown_*.
        ExecuteRaw(
            "INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at, ledger_key, order_index) " +
            $"VALUES ({id}, 'customer', 'Old Name', 'Nordfracht', 'old', '2026-12-06T03:00:00+00:00', 'pr1', 0)");
        ExecuteRaw($"DELETE FROM order_list WHERE order_id = {id}");
        ExecuteRaw(
            "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) " +
            $"VALUES ({id}, 'pr1', 0, 'folder:/mail/pr1', 'pr-1\nnordfracht\n', 'pr-1', 'nordfracht', '2026-12-03', '2026-12-04', 24000, 'DE', 'PL', 'booking', 0.9, 0, 'new', 1)");

        var row = Assert.Single((await store.ListOrderEntriesAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows);

        Assert.Equal(("PR-1", "Nordfracht", 1), (row.ReferenceNumber, row.Customer, row.CorrectionCount));
        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));
        Assert.Equal(1, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_customer = 'Nordfracht'"));
    }

    [Fact]
    public async Task ListOrderEntries_RowUpdatedInPlaceByThePreviousRelease_IsMarkedAndShowsTheCorrection()
    {
        var store = Open();
        var id = await CommitBrowsableAsync(store, "pu1", SampleOrders.Order(reference: "PU-1", customer: "Old Name"));
        await store.Corrections.SetStatusAsync(id, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);
        _ = await store.ListOrderEntriesAsync(new OrderBrowseQuery(), CancellationToken.None);
        // This release's own rewrite (the status change above) keeps the row's shown columns current: nothing to mark.
        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));

        // The previous release corrects the customer the way it writes every rewrite: an upsert of its own columns, the
        // shown ones left as they were ("Old Name").
        ExecuteRaw(
            "INSERT INTO order_correction (order_id, field, value_read, value_set, corrected_by, corrected_at, ledger_key, order_index) " +
            $"VALUES ({id}, 'customer', 'Old Name', 'Nordfracht', 'old', '2026-12-06T03:00:00+00:00', 'pu1', 0)");
        ExecuteRaw(
            "INSERT INTO order_list (order_id, ledger_key, order_index, source_key, search_text, reference_sort, customer_sort, loading_date, unloading_date, " +
            "weight_sort, loading_country, unloading_country, request_type, confidence, incomplete, status, corrections) " +
            $"VALUES ({id}, 'pu1', 0, 'folder:/mail/pu1', 'pu-1\nnordfracht\n', 'pu-1', 'nordfracht', '2026-12-03', '2026-12-04', 24000, 'DE', 'PL', 'booking', 0.9, 0, 'reviewed', 1) " +
            "ON CONFLICT (order_id) DO UPDATE SET search_text = excluded.search_text, customer_sort = excluded.customer_sort, corrections = excluded.corrections");
        Assert.Equal(1, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));

        var row = Assert.Single((await store.ListOrderEntriesAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows);

        Assert.Equal(("PU-1", "Nordfracht", 1), (row.ReferenceNumber, row.Customer, row.CorrectionCount));
        Assert.Equal(0, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_version = 0"));
        Assert.Equal(1, ScalarRaw("SELECT COUNT(*) FROM order_list WHERE shown_customer = 'Nordfracht'"));
    }

    // The cells as OrdersPage printed them from the whole order before the list held them (first loading stop, last
    // unloading stop, yyyy-MM-dd, invariant numbers): what the shown columns must reproduce.
    private static OrderListEntry ShownAsThePageShowedTheOrder(OrderBrowseRow row)
    {
        var order = row.Order.Order;
        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        return new OrderListEntry(
            row.Order.Id,
            order.ReferenceNumber,
            order.RequestType is { } t ? SpecVocabulary.RequestTypes.Of(t) : null,
            order.Customer,
            loading?.City,
            loading?.Country,
            loading?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            unloading?.City,
            unloading?.Country,
            unloading?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            order.CargoDescription,
            order.WeightKg?.ToString(null, CultureInfo.InvariantCulture),
            order.VehicleType is { } v ? SpecVocabulary.VehicleTypes.Of(v) : null,
            order.Price is { } p ? $"{p.Amount.ToString(CultureInfo.InvariantCulture)} {p.Currency}" : null,
            order.Confidence?.Order,
            row.Status,
            row.NeedsReview,
            row.CorrectionCount);
    }
}
