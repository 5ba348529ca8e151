using FleetManager.Core.Model;
using FleetManager.Core.Text;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>
/// The orders list's free-text search through the search index (schema step 6: FTS5 trigram on SQLite, pg_trgm on
/// PostgreSQL) on both back-ends: the same rows as a plain substring test of the folded text, in any script.
/// </summary>
public abstract partial class OrderStoreContractTests
{
    private static readonly TransportOrder[] SearchBook =
    [
        SampleOrders.Order(reference: "GR-1", customer: "Αθηναϊκή Μεταφορική Α.Ε."),
        SampleOrders.Order(reference: "RU-1", customer: "ООО Сибирская Логистика"),
        SampleOrders.Order(reference: "DE-1", customer: "Müller Getränke GmbH"),
        SampleOrders.Order(reference: "TR-1", customer: "İzmir Taşımacılık A.Ş."),
        SampleOrders.Order(reference: "ZX-9", customer: "100% Transport_Co \"Quote\"") with { CargoDescription = "Kühlcontainer mit Fisch" },
        SampleOrders.Order(reference: "PL-1", customer: "Łódź Trans"),
    ];

    [Theory]
    [InlineData("μεταφορ", "GR-1")] // a partial Greek word, without the accent
    [InlineData("ΑΘΗΝΑΪΚΗ", "GR-1")] // upper case with a diaeresis
    [InlineData("сибирск", "RU-1")]
    [InlineData("ЛОГИСТ", "RU-1")]
    [InlineData("muller", "DE-1")] // umlaut typed without it
    [InlineData("GETRÄNKE", "DE-1")]
    [InlineData("tränk", "DE-1")] // inside a word
    [InlineData("IZMIR", "TR-1")] // Turkish dotted capital İ
    [InlineData("tasımacılık", "TR-1")] // Turkish dotless ı
    [InlineData("fisch", "ZX-9")] // only in the cargo
    [InlineData("zx", "ZX-9")] // two characters: below a trigram
    [InlineData("0% t", "ZX-9")] // LIKE's own characters are text
    [InlineData("t_c", "ZX-9")]
    [InlineData("\"quote\"", "ZX-9")] // FTS5's quote is text
    [InlineData("lodz", "PL-1")]
    public async Task BrowseOrders_SearchInAnyScriptOrPartWord_FindsOnlyTheOrderThatContainsIt(string search, string reference)
    {
        var store = Open();
        await CommitSearchBookAsync(store);

        Assert.Equal([reference], await References(store, new OrderBrowseQuery { Search = search }));
        Assert.Equal(1, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = search }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task BrowseOrders_SearchTerms_MatchExactlyTheOrdersWhoseFoldedTextContainsThem()
    {
        var store = Open();
        await CommitSearchBookAsync(store);
        string[] terms = ["ostrobramska", "a", "ä", "gmbh", "trans", "04-041", "kegs", "brauerei hofmann", "nothing like it", "%", "_", "ι", "eching, germany"];

        foreach (var term in terms)
        {
            var folded = TextFold.Fold(term);
            var expected = SearchBook.Where(o => SearchableText(o).Any(t => TextFold.Fold(t).Contains(folded, StringComparison.Ordinal)))
                .Select(o => o.ReferenceNumber).ToList();
            Assert.Equal(expected, await References(store, new OrderBrowseQuery { Search = term }));
            Assert.Equal(expected.Count, (await store.BrowseOrdersAsync(new OrderBrowseQuery { Search = term, Limit = 2 }, CancellationToken.None)).Total);
        }
    }

    [Fact]
    public async Task BrowseOrders_SearchAfterCorrectionAndReprocess_FindsTheNewTextAndNotTheOld()
    {
        var store = Open();
        var id = await CommitBrowsableAsync(store, "s1", SampleOrders.Order(reference: "S-1", customer: "Müller Getränke GmbH"));
        Assert.Single(await References(store, new OrderBrowseQuery { Search = "getranke" }));

        await store.Corrections.AddAsync(id, "customer", "Müller Getränke GmbH", "Ελληνικά Τρόφιμα", "local", CorrectedAt, CancellationToken.None);

        Assert.Equal(["S-1"], await References(store, new OrderBrowseQuery { Search = "τροφιμα" }));
        Assert.Empty(await References(store, new OrderBrowseQuery { Search = "getranke" }));

        var message = SampleOrders.Message("s2");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "S-2", customer: "Сибирь Карго")), CancellationToken.None);
        Assert.Equal(["S-2"], await References(store, new OrderBrowseQuery { Search = "карго" }));
        await store.ReplaceAsync(message with { ProcessedAt = CorrectedAt }, SampleOrders.Result(message, SampleOrders.Order(reference: "S-2", customer: "Nordfracht")), CancellationToken.None);

        Assert.Empty(await References(store, new OrderBrowseQuery { Search = "карго" }));
        Assert.Equal(["S-2"], await References(store, new OrderBrowseQuery { Search = "nordfr" }));
    }

    [Fact]
    public void Open_NewStore_HasASearchIndexAndNoWarning()
    {
        var store = Open();

        Assert.Null(store.SearchIndexWarning);
    }

    private static async Task CommitSearchBookAsync(IOrderStore store)
    {
        for (var i = 0; i < SearchBook.Length; i++)
        {
            await CommitBrowsableAsync(store, "search" + i, SearchBook[i]);
        }
    }

    private static IEnumerable<string> SearchableText(TransportOrder order) =>
        new[] { order.ReferenceNumber, order.Customer, order.CargoDescription }
            .Concat(order.Stops.SelectMany(s => new[] { s.Company, s.Address, s.PostalCode, s.City }))
            .OfType<string>();
}
