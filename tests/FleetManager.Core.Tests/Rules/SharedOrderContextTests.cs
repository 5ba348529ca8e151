using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

/// <summary>What a message of several orders states once for all of them, outside the orders' blocks.</summary>
public sealed class SharedOrderContextTests
{
    [Fact]
    public void ReadAsOrder_DepotAndBlanketStatementsBeforeTheOrders_CompleteEveryOrder()
    {
        // Italian: one loading depot and the conditions stated once above two orders.
        var email = RulesTestMessages.Email("Due ordini per giovedì", string.Join('\n',
            "Buongiorno,",
            "",
            "Tutti e due i carichi si fanno al nostro magazzino: Via dell'Industria 4, 37135 Verona.",
            "Merce non ADR, semirimorchio frigo, temperatura +2/+6 °C.",
            "",
            "VR-27-0031",
            "  Carico: giovedì 14.01.2027, 08:00-10:00",
            "  Scarico: Hauptstraße 3, 80331 München, 15.01.2027",
            "",
            "VR-27-0032",
            "  Carico: giovedì 14.01.2027, 11:00",
            "  Scarico: Landstraße 7, 4020 Linz, 15.01.2027",
            "",
            "Cordiali saluti",
            "Giulia Ferri"));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        foreach (var order in orders)
        {
            Assert.Equal(("37135", "Verona"), (order.Stops[0].PostalCode, order.Stops[0].City));
            Assert.Equal(StopType.Loading, order.Stops[0].Type);
            Assert.False(order.Adr);
            Assert.Equal(VehicleType.Reefer, order.VehicleType);
            Assert.Equal((2m, 6m), (order.TemperatureMinC, order.TemperatureMaxC));
        }

        Assert.Equal(("VR-27-0031", "München"), (orders[0].ReferenceNumber, orders[0].Stops[^1].City));
        Assert.Equal(("VR-27-0032", "Linz"), (orders[1].ReferenceNumber, orders[1].Stops[^1].City));
        Assert.Equal(new TimeOnly(11, 0), orders[1].Stops[0].TimeFrom);
    }

    [Fact]
    public void ReadAsOrder_TemperatureAboveTheLoadsWithoutAVehicle_EveryLoadIsAReefer()
    {
        var email = RulesTestMessages.Email("2 loads ex Limerick", string.Join('\n',
            "Hi Kamil,",
            "",
            "Two loads ex our Limerick site, both chilled 0 to +4 °C:",
            "",
            "Load 1 of 2 - ref SF-3301",
            "Collection: Wed 31/03, Raheen Business Park, Limerick V94 T2K8",
            "Delivery: Fri 02/04, 47-400 Racibórz, Poland",
            "",
            "Load 2 of 2 - ref SF-3302",
            "Collection: Thu 01/04, Raheen Business Park, Limerick V94 T2K8",
            "Delivery: Mon 05/04, 58-100 Świdnica, Poland",
            "",
            "Thanks,",
            "Ciara"));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal((VehicleType.Reefer, 0m, 4m), (o.VehicleType, o.TemperatureMinC, o.TemperatureMaxC)));
    }

    [Fact]
    public void ReadAsOrder_PriceAskedForAboveTheLanes_EveryLaneIsAQuoteRequest()
    {
        var email = RulesTestMessages.Email("2 lanes", string.Join('\n',
            "Hello,",
            "",
            "Please quote the two lanes below for loading next week:",
            "",
            "Lane 1: 27-600 Sandomierz (PL) to 08130 Santa Perpètua de Mogoda (ES), 33 pallets, 22 t, loading 24/03",
            "Lane 2: 39-300 Mielec (PL) to 20045 Lainate (IT), 12 pallets, 6 t, loading 25/03",
            "",
            "Best regards,",
            "Marta Wiśniewska"));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal(RequestType.QuoteRequest, o.RequestType));
    }

    [Fact]
    public void ReadAsOrder_OrderStatesItsOwnValues_SharedValuesDoNotReplaceThem()
    {
        // Dutch: the footer says no ADR, the second order says it is ADR; the first keeps its own vehicle.
        var email = RulesTestMessages.Email("Twee ritten", string.Join('\n',
            "Hallo,",
            "",
            "Laden: 5928 PR Venlo, 12.01.2027",
            "Lossen: 41460 Neuss, 12.01.2027",
            "Voertuig: schuifzeil",
            "",
            "Laden: 2678 LW De Lier, 13.01.2027",
            "Lossen: 50769 Köln, 13.01.2027",
            "ADR: UN 1263, klasse 3",
            "",
            "Geen ADR tenzij anders vermeld. Koeltrailer.",
            "",
            "Met vriendelijke groet",
            "Jeroen"));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        Assert.Equal(VehicleType.Tautliner, orders[0].VehicleType);
        Assert.Equal(VehicleType.Reefer, orders[1].VehicleType);
        Assert.False(orders[0].Adr);
        Assert.True(orders[1].Adr);
    }

    [Fact]
    public void ReadAsOrder_DangerousGoodsRemarkOutsideTheOrders_NotSharedByEveryOrder()
    {
        var email = RulesTestMessages.Email("2 loads", string.Join('\n',
            "Hi,",
            "",
            "Loading: 85386 Eching, 12.01.2027",
            "Delivery: 02-672 Warszawa, 13.01.2027",
            "",
            "Loading: 90409 Nürnberg, 14.01.2027",
            "Delivery: 31-864 Kraków, 15.01.2027",
            "",
            "Note: the second load is ADR class 3, driver needs ADR certificate.",
            "",
            "Best regards",
            "Tom"));

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(2, orders.Count);
        Assert.Null(orders[0].Adr);
    }
}
