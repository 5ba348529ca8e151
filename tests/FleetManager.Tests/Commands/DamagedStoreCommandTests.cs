using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>Issue 12 §5: the CLI knows when the order book is damaged and leaves no half-written export.</summary>
public sealed class DamagedStoreCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>The sample mailbox imported into a fresh file, checkpointed (no WAL left), then damaged.</summary>
    private async Task<string> DamagedBookAsync()
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet");
        Assert.Equal(0, import.ExitCode);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            checkpoint.ExecuteNonQuery();
        }

        DamagedOrderBook.DamageLaterOrders(db);
        return db;
    }

    [Fact]
    public async Task Import_IntoDamagedOrderBook_ExitsFourWithTheFix()
    {
        var db = await DamagedBookAsync();
        var before = await File.ReadAllBytesAsync(db);
        var more = Directory.CreateDirectory(_temp.File("more")).FullName;
        File.WriteAllText(Path.Combine(more, "new.eml"), "From: a@example.com\r\nSubject: Angebot\r\nMessage-ID: <new-after-damage@test>\r\n\r\nBitte Angebot.\r\n");

        var result = await CliProcess.RunAsync("import", more, "--db", db, "--quiet");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("damaged", result.StdErr);
        Assert.Contains("fleetmanager db restore", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    [Fact]
    public async Task OrdersExport_DamageMidway_ExitsFourAndLeavesThePreviousFileIntact()
    {
        var db = await DamagedBookAsync();
        var target = _temp.File("orders.json");
        await File.WriteAllTextAsync(target, "[]");

        var result = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", db, "--output", target);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("damaged", result.StdErr);
        Assert.Equal("[]", await File.ReadAllTextAsync(target));
        Assert.Equal(["orders.json"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Where(n => n!.Contains("orders", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OrdersExport_DamageMidwayToStandardOutput_PrintsNothingOfTheArray()
    {
        var db = await DamagedBookAsync();

        var result = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", db);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("", result.StdOut);
    }

    public void Dispose() => _temp.Dispose();
}
