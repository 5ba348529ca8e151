using FleetManager.Core.Model;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Sqlite;

public sealed class SqliteOrderBookQueryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SqliteOrderBook _book;

    public SqliteOrderBookQueryTests() => _book = SqliteOrderBook.Open(_temp.File("orders.db"));

    public async Task InitializeAsync()
    {
        await CommitAsync("m1", Classification.Order, SampleOrders.Order(reference: "R-1", customer: "Łódź Logistics Sp. z o.o.", loadingCountry: "PL", unloadingCountry: "DE", loadingDate: new DateOnly(2026, 12, 1)));
        await CommitAsync("m2", Classification.Order,
            SampleOrders.Order(reference: "R-2", customer: "Alpenland Spedition GmbH", loadingCountry: "DE", unloadingCountry: "AT", loadingDate: new DateOnly(2026, 12, 2), requestType: RequestType.QuoteRequest),
            SampleOrders.Order(reference: "R-3", customer: "Alpenland Spedition GmbH", loadingCountry: "DE", unloadingCountry: "FR", loadingDate: new DateOnly(2026, 12, 3), requestType: RequestType.LoadOffer));
        await CommitAsync("m3", Classification.Other, SampleOrders.Order(reference: "R-4", customer: "Sofia Trans", loadingCountry: "BG", unloadingCountry: "RO", loadingDate: new DateOnly(2026, 12, 10)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _book.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task ListOrders_All_ReturnsEveryOrderByIdWithTypedColumns()
    {
        var orders = await _book.ListOrdersAsync(OrderQuery.All, CancellationToken.None);

        Assert.Equal(["R-1", "R-2", "R-3", "R-4"], orders.Select(o => o.ReferenceNumber));
        Assert.True(orders.Zip(orders.Skip(1)).All(pair => pair.First.Id < pair.Second.Id));
        var first = orders[0];
        Assert.Equal("<m1@mail.example>", first.MessageId);
        Assert.Equal("m1", first.LedgerKey);
        Assert.Equal("Eching", first.LoadingCity);
        Assert.Equal("PL", first.LoadingCountry);
        Assert.Equal(new DateOnly(2026, 12, 1), first.LoadingDate);
        Assert.Equal("Warszawa", first.UnloadingCity);
        Assert.Equal("DE", first.UnloadingCountry);
        Assert.Equal(new DateOnly(2026, 12, 5), first.UnloadingDate);
        Assert.Equal(VehicleType.Tautliner, first.VehicleType);
        Assert.Equal(RequestType.Booking, first.RequestType);
        Assert.Equal(22500m, first.WeightKg);
        Assert.Equal(new Price(1450m, "EUR"), first.Price);
    }

    [Fact]
    public async Task ListOrders_LoadingDateRange_IsInclusive()
    {
        var orders = await _book.ListOrdersAsync(new OrderQuery { LoadingFrom = new DateOnly(2026, 12, 2), LoadingTo = new DateOnly(2026, 12, 3) }, CancellationToken.None);

        Assert.Equal(["R-2", "R-3"], orders.Select(o => o.ReferenceNumber));
    }

    [Fact]
    public async Task ListOrders_Country_MatchesEitherEndIgnoringCase()
    {
        Assert.Equal(["R-1", "R-2", "R-3"], (await _book.ListOrdersAsync(new OrderQuery { Country = "de" }, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(["R-4"], (await _book.ListOrdersAsync(new OrderQuery { Country = "RO" }, CancellationToken.None)).Select(o => o.ReferenceNumber));
    }

    [Fact]
    public async Task ListOrders_CustomerContains_IgnoresCaseAndDiacritics()
    {
        Assert.Equal(["R-1"], (await _book.ListOrdersAsync(new OrderQuery { CustomerContains = "lodz" }, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(["R-2", "R-3"], (await _book.ListOrdersAsync(new OrderQuery { CustomerContains = "ALPENLAND" }, CancellationToken.None)).Select(o => o.ReferenceNumber));
    }

    [Fact]
    public async Task ListOrders_Reference_MatchesIgnoringCase() =>
        Assert.Equal(["R-3"], (await _book.ListOrdersAsync(new OrderQuery { ReferenceNumber = "r-3" }, CancellationToken.None)).Select(o => o.ReferenceNumber));

    [Fact]
    public async Task ListOrders_RequestTypeAndClassification_Filter()
    {
        Assert.Equal(["R-3"], (await _book.ListOrdersAsync(new OrderQuery { RequestType = RequestType.LoadOffer }, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(["R-4"], (await _book.ListOrdersAsync(new OrderQuery { Classification = Classification.Other }, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(["R-2", "R-3"], (await _book.ListOrdersAsync(new OrderQuery { MessageId = "<m2@mail.example>" }, CancellationToken.None)).Select(o => o.ReferenceNumber));
    }

    [Fact]
    public async Task ListOrders_Combined_AllFiltersApply() =>
        Assert.Equal(["R-2"], (await _book.ListOrdersAsync(new OrderQuery { Country = "AT", CustomerContains = "spedition", Classification = Classification.Order }, CancellationToken.None)).Select(o => o.ReferenceNumber));

    [Fact]
    public async Task ListOrders_LimitAndOffset_Page()
    {
        Assert.Equal(["R-2", "R-3"], (await _book.ListOrdersAsync(new OrderQuery { Limit = 2, Offset = 1 }, CancellationToken.None)).Select(o => o.ReferenceNumber));
        Assert.Equal(["R-3", "R-4"], (await _book.ListOrdersAsync(new OrderQuery { Offset = 2 }, CancellationToken.None)).Select(o => o.ReferenceNumber));
    }

    [Fact]
    public async Task QueryOrders_Filter_StreamsFullOrders()
    {
        var orders = (await _book.QueryOrdersAsync(new OrderQuery { Country = "DE" }, CancellationToken.None).ToListAsync(CancellationToken.None)).ToList();

        Assert.Equal(["R-1", "R-2", "R-3"], orders.Select(o => o.Order.ReferenceNumber));
        Assert.Equal([0, 0, 1], orders.Select(o => o.OrderIndex));
        Assert.All(orders, o => Assert.Equal(2, o.Order.Stops.Count));
    }

    private async Task CommitAsync(string key, Classification classification, params TransportOrder[] orders)
    {
        var message = SampleOrders.Message(key);
        await _book.CommitAsync(message, new EmailResult { MessageId = message.MessageId, Classification = classification, Orders = orders }, CancellationToken.None);
    }
}
