using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The orders list in SQL (<see cref="IOrderStore.BrowseOrdersAsync"/>) on both back-ends: search, filters, sort, keyset pages, counts, on corrected orders.</summary>
public abstract partial class OrderStoreContractTests
{
    [Fact]
    public async Task BrowseOrders_SearchAndFilters_MatchOnlyTheirOrdersAndCountThem()
    {
        var store = Open();
        await CommitBrowsableAsync(store, "b1", SampleOrders.Order(reference: "A-1", customer: "Łódź Trans"));
        await CommitBrowsableAsync(store, "b2", SampleOrders.Order(reference: "A-2", customer: "Nordfracht", loadingCountry: "PL", unloadingCountry: "DE") with
        {
            Confidence = new OrderConfidence { Order = 0.4, Low = true },
        });
        await CommitBrowsableAsync(store, "b3", SampleOrders.Order(reference: "A-3", customer: null, requestType: RequestType.QuoteRequest) with { CargoDescription = "Steel coils" });

        Assert.Equal(["A-1"], await References(store, new OrderBrowseQuery { Search = "LODZ" }));
        Assert.Equal(["A-3"], await References(store, new OrderBrowseQuery { Search = "steel" }));
        Assert.Equal(3, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "ostrobramska" }, CancellationToken.None)).Total);
        Assert.Equal(["A-2"], await References(store, new OrderBrowseQuery { LaneFrom = "PL", LaneTo = "DE" }));
        Assert.Equal(["A-1", "A-3"], await References(store, new OrderBrowseQuery { LaneFrom = "DE" }));
        Assert.Equal(["A-2"], await References(store, new OrderBrowseQuery { ConfidenceBelow = 0.5 }));
        Assert.Equal(["A-3"], await References(store, new OrderBrowseQuery { RequestType = RequestType.QuoteRequest }));
        Assert.Equal(["A-2", "A-3"], await References(store, new OrderBrowseQuery { NeedsReview = true }));
        Assert.Equal(["A-2"], await References(store, new OrderBrowseQuery { Source = "folder:/mail/b2" }));
        Assert.Empty(await References(store, new OrderBrowseQuery { Source = "imap://" }));
        Assert.Empty(await References(store, new OrderBrowseQuery { LoadingTo = new DateOnly(2026, 12, 2) }));
        Assert.Equal(3, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Countries = ["pl"] }, CancellationToken.None)).Total);
        Assert.Equal(0, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Statuses = [OrderStatus.Reviewed] }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Commit_NulCharactersInTheMessageAndItsOrder_IsStoredAndFoundWithoutThem()
    {
        // A NUL in a mail's subject or fields (PostgreSQL's text cannot hold one) once stopped every import at that message.
        var store = Open();
        var message = SampleOrders.Message("n1") with { Subject = "Transport\0auftrag", From = "Petra\0 <p@x.example>" };
        var order = SampleOrders.Order(reference: "N-\01", customer: "Spedi\0tion Nul");

        await store.CommitAsync(message, SampleOrders.Result(message, order), CancellationToken.None);

        var stored = (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single();
        Assert.Equal("Spedition Nul", stored.Customer!.Replace("\0", "", StringComparison.Ordinal));
        Assert.Equal(["N-1"], (await References(store, new OrderBrowseQuery { Search = "spedition nul" })).Select(r => r!.Replace("\0", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("lo\0dz")]
    [InlineData("\0")]
    [InlineData("Nord\u0001fracht\u001f")]
    public async Task BrowseOrders_SearchWithControlCharacters_AnswersWithoutAnError(string search)
    {
        var store = Open();
        await CommitBrowsableAsync(store, "c1", SampleOrders.Order(reference: "A-1", customer: "Łódź Trans"));

        // Each control character is a space: no order holds one, and a NUL ended SQLite's full-text query early.
        var page = await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = search, Limit = 50, CountLimit = 1000 }, CancellationToken.None);

        Assert.True(page.Total <= 1);
    }

    [Fact]
    public async Task BrowseOrders_KeysetPages_ListEveryOrderOnceInSortOrderEvenWhenOrdersArriveBetweenPages()
    {
        var store = Open();
        string[] customers = ["delta", "alpha", "echo", "alpha", "charlie", "bravo", "foxtrot"];
        for (var i = 0; i < customers.Length; i++)
        {
            await CommitBrowsableAsync(store, "k" + i, SampleOrders.Order(reference: "K-" + i, customer: customers[i]));
        }

        var seen = new List<string>();
        var query = new OrderBrowseQuery { Sort = "customer", Descending = true, Limit = 3 };
        var page = (await store.BrowseOrdersAsync(query, CancellationToken.None));
        Assert.Equal(7, page.Total);
        seen.AddRange(page.Rows.Select(r => r.Order.Order.Customer!));
        // An order that sorts before the cursor arrives: the next page neither repeats nor skips a row.
        await CommitBrowsableAsync(store, "late", SampleOrders.Order(reference: "LATE", customer: "zulu"));
        while (page.NextCursor is { } cursor)
        {
            page = (await store.BrowseOrdersAsync(query with { After = cursor }, CancellationToken.None));
            seen.AddRange(page.Rows.Select(r => r.Order.Order.Customer!));
        }

        Assert.Equal(["foxtrot", "echo", "delta", "charlie", "bravo", "alpha", "alpha"], seen);
        Assert.Equal(8, page.Total);
        var byWeight = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Sort = "weight_kg", Limit = 4 }, CancellationToken.None));
        Assert.Equal(byWeight.Rows.Select(r => r.Order.Id).Order(), byWeight.Rows.Select(r => r.Order.Id));
        Assert.Equal(4, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Sort = "weight_kg", Limit = 4, After = byWeight.NextCursor }, CancellationToken.None)).Rows.Count);
    }

    [Fact]
    public async Task BrowseOrders_CorrectedAndReviewedOrder_IsFoundByTheValueSetWithItsStatus()
    {
        var store = Open();
        var id = await CommitBrowsableAsync(store, "c1", SampleOrders.Order(reference: "C-1", customer: null));
        Assert.True((await store.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None)).Rows.Single().NeedsReview);

        await store.Corrections.AddAsync(id, "customer", null, "Żabka Logistics", "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.SetStatusAsync(id, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);

        var row = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "zabka", Statuses = [OrderStatus.Reviewed] }, CancellationToken.None)).Rows.Single();
        Assert.Equal("Żabka Logistics", row.Order.Order.Customer);
        Assert.Equal((OrderStatus.Reviewed, false, 1), (row.Status, row.NeedsReview, row.CorrectionCount));
        Assert.Equal(0, (await store.BrowseOrdersAsync(new OrderBrowseQuery { NeedsReview = true }, CancellationToken.None)).Total);
        Assert.Null((await store.GetOrderAsync(id, CancellationToken.None))!.Order.Customer);
    }

    [Fact]
    public async Task BrowseOrders_AfterReprocess_ListsTheMessagesNewOrdersWithTheirCorrections()
    {
        var store = Open();
        var message = SampleOrders.Message("r1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "R-0"), SampleOrders.Order(reference: "R-1")), CancellationToken.None);
        await CommitBrowsableAsync(store, "other", SampleOrders.Order(reference: "O-1"));
        var first = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = "r-1" }, CancellationToken.None)).Rows.Single().Order.Id;
        await store.Corrections.AddAsync(first, "reference_number", "R-1", "R-1-FIXED", "local", CorrectedAt, CancellationToken.None);

        await store.ReplaceAsync(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "R-0"), SampleOrders.Order(reference: "R-1"), SampleOrders.Order(reference: "R-2")), CancellationToken.None);

        var page = (await store.BrowseOrdersAsync(new OrderBrowseQuery { Sort = "reference_number" }, CancellationToken.None));
        Assert.Equal(["O-1", "R-0", "R-1-FIXED", "R-2"], page.Rows.Select(r => r.Order.Order.ReferenceNumber));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task BrowseOrders_MoreMatchesThanTheCountLimit_CapsTheTotalAndListsTheSamePages()
    {
        var store = Open();
        string[] customers = ["delta", "alpha", "echo", "bravo", "charlie"];
        for (var i = 0; i < customers.Length; i++)
        {
            await CommitBrowsableAsync(store, "n" + i, SampleOrders.Order(reference: "N-" + i, customer: customers[i]));
        }

        foreach (var view in new[]
        {
            new OrderBrowseQuery { Limit = 2 },
            new OrderBrowseQuery { Search = "ostrob", Limit = 2 },
            new OrderBrowseQuery { Search = "os", Sort = "customer", Descending = true, Limit = 2 },
        })
        {
            var capped = (await store.BrowseOrdersAsync(view with { CountLimit = 3 }, CancellationToken.None));
            Assert.Equal((3L, true), (capped.Total, capped.TotalCapped));
            Assert.Equal((5L, false), ((await store.BrowseOrdersAsync(view with { CountLimit = null }, CancellationToken.None)).Total, (await store.BrowseOrdersAsync(view with { CountLimit = null }, CancellationToken.None)).TotalCapped));
            // A capped search is probed row by row in sort order: the same orders, in the same order, page after page.
            Assert.Equal(await AllPages(store, view with { CountLimit = null }), await AllPages(store, view with { CountLimit = 3 }));
        }

        var exact = (await store.BrowseOrdersAsync(new OrderBrowseQuery { CountLimit = 5 }, CancellationToken.None));
        Assert.Equal((5L, false), (exact.Total, exact.TotalCapped));
        Assert.Equal((5L, false), ((await store.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None)).Total, (await store.BrowseOrdersAsync(new OrderBrowseQuery(), CancellationToken.None)).TotalCapped));
    }

    private static async Task<List<string?>> AllPages(IOrderStore store, OrderBrowseQuery query)
    {
        var references = new List<string?>();
        var page = (await store.BrowseOrdersAsync(query, CancellationToken.None));
        references.AddRange(page.Rows.Select(r => r.Order.Order.ReferenceNumber));
        while (page.NextCursor is { } cursor)
        {
            page = (await store.BrowseOrdersAsync(query with { After = cursor }, CancellationToken.None));
            references.AddRange(page.Rows.Select(r => r.Order.Order.ReferenceNumber));
        }

        return references;
    }

    private static async Task<List<string?>> References(IOrderStore store, OrderBrowseQuery query) =>
        [.. (await store.BrowseOrdersAsync(query, CancellationToken.None)).Rows.Select(r => r.Order.Order.ReferenceNumber)];

    private static async Task<long> CommitBrowsableAsync(IOrderStore store, string ledgerKey, TransportOrder order)
    {
        var message = SampleOrders.Message(ledgerKey);
        await store.CommitAsync(message, SampleOrders.Result(message, order), CancellationToken.None);
        return (await store.ListOrdersAsync(new OrderQuery { MessageId = message.MessageId }, CancellationToken.None)).Single().Id;
    }
}
