using System.Text.Json;
using FleetManager.TestServers.Postgres;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>The verbs on a real PostgreSQL server: the connection string picks the back-end, nothing else changes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrdersCommandTests(PostgresServer server)
{
    [Fact]
    public async Task ImportThenOrders_OnPostgres_ReadTheSameBookAsSqlite()
    {
        var postgres = server.CreateDatabase();
        using var temp = new TempDirectory();
        var sqlite = temp.File("book.db");

        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", postgres, "-q");
        Assert.True(import.ExitCode == 0, import.StdErr);
        Assert.Contains("postgresql://127.0.0.1:", import.StdOut);
        Assert.Contains("Nothing new", (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", postgres, "-q")).StdOut);
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", sqlite, "-q")).ExitCode);

        // The setting, not --db, picks PostgreSQL here.
        var listInfo = CliProcess.StartInfo("orders", "list");
        listInfo.Environment["FLEETMANAGER__STORAGE__CONNECTIONSTRING"] = postgres;
        var list = await CliProcess.RunAsync(listInfo);
        Assert.True(list.ExitCode == 0, list.StdErr);
        Assert.Equal((await CliProcess.RunAsync("orders", "list", "--db", sqlite)).StdOut, list.StdOut);

        var exported = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", postgres);
        var expected = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", sqlite);
        Assert.Equal(0, exported.ExitCode);
        Assert.True(JsonDocument.Parse(exported.StdOut).RootElement.GetArrayLength() > 0);
        Assert.Equal(expected.StdOut, exported.StdOut);

        var show = await CliProcess.RunAsync("orders", "show", "1", "--db", postgres);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal((await CliProcess.RunAsync("orders", "show", "1", "--db", sqlite)).StdOut, show.StdOut);
    }
}
