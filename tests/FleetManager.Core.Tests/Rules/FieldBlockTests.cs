using FleetManager.Core.Model;
using FleetManager.Core.Rules;

namespace FleetManager.Core.Tests.Rules;

public sealed class FieldBlockTests
{
    [Fact]
    public void Extract_LoadListRowUnderPipeHeader_ReadsTheRowsCells()
    {
        var body = """
            Hi, the loads for next week:

            Load no | Loading date | Loading city | Delivery city | Goods | Pallets | Weight kg | LDM | Truck | ADR | Rate EUR
            XY-1 | 16.11.2026 | Linz | Brno | Steel |  | 21000 | 13,6 | Tautliner | no | 640
            XY-2 | 17.11.2026 | Steyr | Jihlava | Flour | 20 | 16500 |  | Box | no | 700
            """;
        var document = RulesDocument.From(RulesTestMessages.Email("loads", body));
        var rowStart = document.Text.IndexOf("XY-2", StringComparison.Ordinal);
        var rowEnd = document.Text.IndexOf('\n', rowStart);
        var order = OrderFieldExtractor.Extract(document, new OrderBlock(rowStart, (rowEnd < 0 ? document.Text.Length : rowEnd) - rowStart), new Dictionary<string, TextSpan>());

        Assert.Equal("XY-2", order.ReferenceNumber);
        Assert.Equal(16500m, order.WeightKg);
        Assert.Equal(20, order.Pallets);
        Assert.Null(order.LoadingMeters);
        Assert.Equal(VehicleType.Box, order.VehicleType);
        Assert.False(order.Adr);
        Assert.Equal(new Price(700m, "EUR"), order.Price);
    }

    [Fact]
    public void Extract_SeveralLabelsOnOneLine_ReadsEach()
    {
        var order = RulesTestMessages.Extract("Transportauftrag Nr. 77-1", """
            Packstücke: 18 Paletten Gewicht: 7.100 kg Lademeter: 9,2
            Fahrzeug: | Planensattelzug | Gefahrgut: | nein
            """);

        Assert.Equal(18, order.Pallets);
        Assert.Equal(7100m, order.WeightKg);
        Assert.Equal(9.2m, order.LoadingMeters);
        Assert.Equal(VehicleType.Tautliner, order.VehicleType);
        Assert.False(order.Adr);
    }
}
