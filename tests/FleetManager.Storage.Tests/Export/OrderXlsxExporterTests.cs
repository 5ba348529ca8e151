using System.IO.Compression;
using FleetManager.Storage.Export;
using MiniExcelLibs;

namespace FleetManager.Storage.Tests.Export;

public sealed class OrderXlsxExporterTests : IAsyncLifetime, IDisposable
{
    private ExportFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ExportFixture.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Write_Orders_ReadBackWithTypedCells()
    {
        var (rows, count) = await ExportAndReadAsync();

        Assert.Equal(2, count);
        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Equal(36, first.Count);
        Assert.Equal((double)(await _fixture.Book.ListOrdersAsync(OrderQuery.All, CancellationToken.None))[0].Id, first["id"]);
        Assert.Equal("<m1@mail.example>", first["message_id"]);
        Assert.Equal("TO-1", first["reference_number"]);
        Assert.Equal(new DateTime(2026, 12, 3), first["loading_date"]);
        Assert.Equal(new DateTime(2026, 12, 5), first["unloading_date"]);
        Assert.Equal("08:00", first["loading_time_from"]);
        Assert.Equal(22500d, first["weight_kg"]);
        Assert.Equal(13.6d, first["loading_meters"]);
        Assert.Equal(33d, first["pallets"]);
        Assert.Equal(2d, first["stop_count"]);
        Assert.Equal(false, first["adr"]);
        Assert.Equal(1450d, first["price_amount"]);
        Assert.Equal("EUR", first["price_currency"]);
    }

    [Fact]
    public async Task Write_TextThatLooksLikeAFormula_IsAStringCellAsWrittenAndNoCellIsAFormula()
    {
        var (rows, _) = await ExportAndReadAsync();

        // A string cell is never evaluated, so the text stays as written: no visible guarding apostrophe.
        var second = rows[1];
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", second["customer"]);
        Assert.Equal("-TO-2", second["reference_number"]);
        Assert.Equal("+49 89 4161 2270", second["contact_phone"]);
        Assert.Equal(-18d, second["temperature_min_c"]);
        Assert.Equal(-2.5d, second["temperature_max_c"]);
        Assert.Null(second["price_amount"]);
        Assert.Null(second["adr"]);

        using var zip = ZipFile.OpenRead(_fixture.File("orders.xlsx"));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = reader.ReadToEnd();
        Assert.DoesNotContain("<x:f>", xml);
        Assert.DoesNotContain("<f>", xml);
    }

    private async Task<(List<IDictionary<string, object?>> Rows, int Count)> ExportAndReadAsync()
    {
        int count;
        var path = _fixture.File("orders.xlsx");
        using (var stream = File.Create(path))
        {
            count = await OrderXlsxExporter.WriteAsync(_fixture.Book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), stream, CancellationToken.None);
        }

        using var read = File.OpenRead(path);
        var rows = MiniExcel.Query(read, useHeaderRow: true, sheetName: OrderXlsxExporter.SheetName)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        return (rows, count);
    }
}
