using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Segmentation;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Segmentation;

/// <summary>Tables with fields as rows and one order per column, rendered from HTML or typed in plain text.</summary>
public sealed class TransposedTableTests
{
    [Fact]
    public void Rewrite_HtmlRenderedColumnsUnderAHeaderRow_OneLabelledBlockPerColumn()
    {
        var text = string.Join('\n',
            "Bitte um Angebot:",
            "| Tour A | Tour B",
            "Auftrag | HX-1001 | HX-1002",
            "Beladung | 85386 Eching | 90409 Nürnberg",
            "Entladung | 02-672 Warszawa | 31-864 Kraków",
            "Gewicht | 12 t | 8.000 kg",
            "Danke");

        var rewritten = TransposedTable.Rewrite(text, out var columns);

        Assert.Equal(2, columns.Count);
        Assert.Equal("Tour A\nAuftrag: HX-1001\nBeladung: 85386 Eching\nEntladung: 02-672 Warszawa\nGewicht: 12 t\n", rewritten[columns[0].Start..columns[0].End]);
        Assert.Equal("Tour B\nAuftrag: HX-1002\nBeladung: 90409 Nürnberg\nEntladung: 31-864 Kraków\nGewicht: 8.000 kg\n", rewritten[columns[1].Start..columns[1].End]);
        Assert.StartsWith("Bitte um Angebot:\n", rewritten, StringComparison.Ordinal);
        Assert.EndsWith("Danke", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_WideTableWithOneOrderPerRow_LeftAsWritten()
    {
        var text = string.Join('\n',
            "Ref | Loading | Unloading | Weight",
            "AB-1 | 85386 Eching | 02-672 Warszawa | 12 t",
            "AB-2 | 90409 Nürnberg | 31-864 Kraków | 8 t",
            "AB-3 | 93047 Regensburg | 00-001 Warszawa | 9 t",
            "AB-4 | 80331 München | 30-001 Kraków | 7 t");

        var rewritten = TransposedTable.Rewrite(text, out var columns);

        Assert.Same(text, rewritten);
        Assert.Empty(columns);
    }

    [Fact]
    public void Read_PlainTextColumnsTypedAfterLabels_EachColumnIsAnOrderWithItsOwnStopsAndQuantities()
    {
        // Slovene labels, values typed as "Label: first | second".
        var email = RulesTestMessages.Email("Povpraševanje za 2 prevoza", string.Join('\n',
            "Pozdravljeni,",
            "",
            "prosimo za ponudbo:",
            "",
            "Številka naloga: SLO-4410 | SLO-4411",
            "Nakladanje: Tovarniška 5, 3000 Celje | Obrtna 2, 2000 Maribor",
            "Datum nakladanja: 12.01.2027 | 13.01.2027",
            "Razkladanje: Hauptstraße 1, 8020 Graz | Ringstraße 9, 9020 Klagenfurt",
            "Datum razkladanja: 13.01.2027 | 14.01.2027",
            "Teža: 12.000 kg | 4.500 kg",
            "",
            "Lep pozdrav"));

        var result = new RulesOrderReader().ReadAsOrder(email);

        Assert.Equal(2, result.Orders.Count);
        Assert.Equal(("SLO-4410", "Celje", "Graz", 12000m), (result.Orders[0].ReferenceNumber, result.Orders[0].Stops[0].City, result.Orders[0].Stops[^1].City, result.Orders[0].WeightKg));
        Assert.Equal(("SLO-4411", "Maribor", "Klagenfurt", 4500m), (result.Orders[1].ReferenceNumber, result.Orders[1].Stops[0].City, result.Orders[1].Stops[^1].City, result.Orders[1].WeightKg));
        Assert.Equal(new DateOnly(2027, 1, 13), result.Orders[1].Stops[0].Date);
        Assert.Equal(StopType.Unloading, result.Orders[1].Stops[^1].Type);
    }

    [Fact]
    public void Rewrite_OneOrdersStopsAsColumns_ASectionPerStopAndNoOrderBlocks()
    {
        var text = string.Join('\n',
            "envíovos a orde de carga GC-2612:",
            "| Carga | Descarga",
            "Data | 29/12/2026 08:00-12:00 | 30/12/2026",
            "Enderezo | Rúa do Porto 12, 36940 Cangas | Rua da Boavista 300, 4100-110 Porto",
            "Prezo: 640 EUR");

        var rewritten = TransposedTable.Rewrite(text, out var columns);

        Assert.Empty(columns);
        Assert.Contains("Carga\nData: 29/12/2026 08:00-12:00\nEnderezo: Rúa do Porto 12, 36940 Cangas\n\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("Descarga\nData: 30/12/2026\nEnderezo: Rua da Boavista 300, 4100-110 Porto\n\n", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_HeadingsThatAreNoStops_LeftAsWritten()
    {
        var text = string.Join('\n',
            "| Monday | Tuesday",
            "Driver | Jan | Piotr",
            "Truck | WX 1234 | WX 5678");

        Assert.Same(text, TransposedTable.Rewrite(text, out var columns));
        Assert.Empty(columns);
    }
}
