using System.Text.Json;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class ImportAndOrdersCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Import_Samples_SummarisesThenReimportAddsNothing()
    {
        var db = _temp.File("book.db");

        var first = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db);
        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Contains("messages read", first.StdOut);
        Assert.Contains("orders", first.StdOut);
        Assert.Contains("quarantined", first.StdOut);
        Assert.Contains("messages/s", first.StdOut);

        var second = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing new", second.StdOut);
    }

    [Fact]
    public async Task Import_StrictWithBadMessage_ExitsOneAndKeepsTheRest()
    {
        var folder = Directory.CreateDirectory(_temp.File("mail")).FullName;
        foreach (var eml in Directory.GetFiles(RepoPaths.Samples, "*.eml").Take(3))
        {
            File.Copy(eml, Path.Combine(folder, Path.GetFileName(eml)));
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.eml"), [0, 0, 0, 1, 2, 3]);
        var db = _temp.File("book.db");

        var lenient = await CliProcess.RunAsync("import", folder, "--db", db);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("broken.eml", lenient.StdErr);

        var strict = await CliProcess.RunAsync("import", folder, "--db", _temp.File("strict.db"), "--strict");
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Orders_ListShowExport_ReadTheBook()
    {
        var db = _temp.File("book.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db)).ExitCode);

        var list = await CliProcess.RunAsync("orders", "list", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("reference", list.StdOut);

        var json = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", db);
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.StdOut);
        Assert.True(doc.RootElement.GetArrayLength() > 5);
        var first = doc.RootElement[0];
        Assert.True(first.GetProperty("id").GetInt64() > 0);
        Assert.StartsWith("<", first.GetProperty("message_id").GetString());
        Assert.Equal(JsonValueKind.Array, first.GetProperty("stops").ValueKind);
        Assert.True(first.TryGetProperty("request_type", out _));

        var show = await CliProcess.RunAsync("orders", "show", first.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"stops\"", show.StdOut);

        var csv = await CliProcess.RunAsync("orders", "export", "--format", "csv", "--db", db);
        Assert.Equal(0, csv.ExitCode);
        // RFC 4180 records end in CRLF; a bare LF can only be inside a quoted field.
        var records = csv.StdOut.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(doc.RootElement.GetArrayLength() + 1, records.Length);
        Assert.StartsWith("id,", records[0]);

        var xlsx = _temp.File("orders.xlsx");
        var excel = await CliProcess.RunAsync("orders", "export", "--format", "xlsx", "--output", xlsx, "--db", db);
        Assert.Equal(0, excel.ExitCode);
        var bytes = await File.ReadAllBytesAsync(xlsx);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        var filtered = await CliProcess.RunAsync("orders", "export", "--format", "json", "--country", "ZZ", "--db", db);
        Assert.Equal("[]", filtered.StdOut.Trim().Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrdersExport_CorrectedOrder_WritesTheValueSetInEveryFormat()
    {
        var db = _temp.File("book.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db)).ExitCode);
        long orderId;
        using (var store = FleetManager.Storage.OrderStoreFactory.Open(new FleetManager.Storage.OrderStoreOptions { ConnectionString = db }))
        {
            var order = (await store.QueryOrdersAsync(FleetManager.Storage.OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).First();
            orderId = order.Id;
            Assert.NotEqual(4321m, order.Order.WeightKg);
            Assert.NotNull(await store.Corrections.AddAsync(orderId, "weight_kg", null, "4321", "local", DateTimeOffset.UnixEpoch, CancellationToken.None));
            Assert.NotNull(await store.Corrections.AddAsync(orderId, "customer", null, "Corrected Customer Ltd", "local", DateTimeOffset.UnixEpoch, CancellationToken.None));
        }

        var json = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", db);
        Assert.True(json.ExitCode == 0, json.StdErr);
        var element = JsonDocument.Parse(json.StdOut).RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetInt64() == orderId);
        Assert.Equal(4321m, element.GetProperty("weight_kg").GetDecimal());
        Assert.Equal("Corrected Customer Ltd", element.GetProperty("customer").GetString());

        var csv = await CliProcess.RunAsync("orders", "export", "--format", "csv", "--db", db);
        Assert.Equal(0, csv.ExitCode);
        Assert.Single(csv.StdOut.Split('\n'), line => line.Contains("Corrected Customer Ltd", StringComparison.Ordinal) && line.Contains(",4321,", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
