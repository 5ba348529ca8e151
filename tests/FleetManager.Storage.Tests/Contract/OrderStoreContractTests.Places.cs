using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The review queue's geocoding failures and the map's open lanes, selected in SQL with a limit and a count, on both back-ends.</summary>
public abstract partial class OrderStoreContractTests
{
    [Fact]
    public async Task SelectUnplacedStops_StopsWithACityButNoCoordinates_AreListedInOrderUpToTheLimitAndCounted()
    {
        var store = Open();
        // SampleOrders: the loading stop has coordinates, the unloading stop (Warszawa) has none.
        var first = await CommitBrowsableAsync(store, "u1", SampleOrders.Order(reference: "U-1"));
        var second = await CommitBrowsableAsync(store, "u2", SampleOrders.Order(reference: "U-2"));
        var noCity = SampleOrders.Order(reference: "U-3");
        await CommitBrowsableAsync(store, "u3", noCity with { Stops = [noCity.Stops[0], noCity.Stops[1] with { City = " " }] });

        var all = await store.SelectUnplacedStopsAsync(10, CancellationToken.None);
        var page = await store.SelectUnplacedStopsAsync(1, CancellationToken.None);

        Assert.Equal([(first, "U-1", 1, StopType.Unloading, "04-041", "Warszawa", "PL"), (second, "U-2", 1, StopType.Unloading, "04-041", "Warszawa", "PL")],
            all.Stops.Select(s => (s.OrderId, s.ReferenceNumber, s.StopIndex, s.Type, s.PostalCode, s.City, s.Country)));
        Assert.Equal(2, all.Total);
        Assert.Equal([first], page.Stops.Select(s => s.OrderId));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task SelectOpenLanes_OpenOrdersWithLocatedStops_AreLanesAndTheRestAreCounted()
    {
        var store = Open();
        var located = await CommitBrowsableAsync(store, "l1", SampleOrders.Order(reference: "L-1"));
        var delivered = await CommitBrowsableAsync(store, "l2", SampleOrders.Order(reference: "L-2"));
        var nowhere = SampleOrders.Order(reference: "L-3");
        await CommitBrowsableAsync(store, "l3", nowhere with { Stops = [.. nowhere.Stops.Select(s => s with { Latitude = null, Longitude = null })] });
        var reviewed = await CommitBrowsableAsync(store, "l4", SampleOrders.Order(reference: "L-4"));
        await store.Corrections.SetStatusAsync(delivered, OrderStatus.Delivered, "local", CorrectedAt, CancellationToken.None);
        await store.Corrections.SetStatusAsync(reviewed, OrderStatus.Reviewed, "local", CorrectedAt, CancellationToken.None);

        var selection = await store.SelectOpenLanesAsync(10, CancellationToken.None);
        var limited = await store.SelectOpenLanesAsync(1, CancellationToken.None);

        Assert.Equal([(located, "L-1", OrderStatus.New), (reviewed, "L-4", OrderStatus.Reviewed)], selection.Lanes.Select(l => (l.OrderId, l.ReferenceNumber, l.Status)));
        var stop = Assert.Single(selection.Lanes[0].Stops);
        Assert.Equal((StopType.Loading, "Eching", "DE", 48.3, 11.62), (stop.Type, stop.City, stop.Country, stop.Latitude!.Value, stop.Longitude!.Value));
        Assert.Equal("Alpenland Spedition GmbH", selection.Lanes[0].Customer);
        Assert.Equal((3L, 1L), (selection.Open, selection.Unplaced));
        Assert.Equal([located], limited.Lanes.Select(l => l.OrderId));
        Assert.Equal((3L, 1L), (limited.Open, limited.Unplaced));
    }
}
