using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class DbCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    // The version a new step raises it to: these tests are about what migrate says, not about which step is last.
    private static int Latest => FleetManager.Storage.Sqlite.SqliteOrderBook.LatestSchemaVersion;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Migrate_NewSqliteFile_CreatesItAtTheLatestVersionThenSaysUpToDate()
    {
        var db = _temp.File("new.db");

        var first = await CliProcess.RunAsync("db", "migrate", "--db", db);
        var second = await CliProcess.RunAsync("db", "migrate", "--db", db);

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Contains($"schema version 0 -> {Latest}", first.StdOut);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"schema version {Latest}, already up to date", second.StdOut);
    }

    [Fact]
    public async Task Migrate_SqliteFileAtSchemaOne_PrintsOneToLatestAndKeepsTheOrders()
    {
        var db = _temp.File("old.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "-q")).ExitCode);
        var before = await CliProcess.RunAsync("orders", "list", "--db", db);
        // What schema 1 looked like: the ledger and orders without the service's tables.
        Execute(db, "DROP TABLE source_cursor; DROP TABLE lease; DROP TABLE outbox; DROP TABLE geocode_cache; " +
            "DROP TABLE order_list_bulk; DROP TABLE order_search; DROP INDEX stops_unplaced; DROP TABLE order_correction; DROP TABLE order_status; DROP TABLE order_list; DROP INDEX orders_ledger; DROP TABLE dashboard_user; ALTER TABLE schema_version DROP COLUMN compatible_from; UPDATE schema_version SET version = 1;");

        var migrate = await CliProcess.RunAsync("db", "migrate", "--db", db);

        Assert.True(migrate.ExitCode == 0, migrate.StdErr);
        Assert.Contains($"schema version 1 -> {Latest}", migrate.StdOut);
        var after = await CliProcess.RunAsync("orders", "list", "--db", db);
        Assert.Equal(before.StdOut, after.StdOut);
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_ExitsFourWithoutThePassword()
    {
        var result = await CliProcess.RunAsync("db", "migrate", "--db", "postgres://fm:s3cret-pw@127.0.0.1:1/orders");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("postgresql://127.0.0.1:1/orders", result.StdErr);
        Assert.DoesNotContain("s3cret-pw", result.StdErr + result.StdOut);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
