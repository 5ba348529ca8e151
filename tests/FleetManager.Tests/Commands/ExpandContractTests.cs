using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Blue-green needs the previous release to keep running on the schema the next release migrated to
/// (docs/storage.md, "Expand/contract"). This program plays the previous release; the next release's
/// migration is applied by hand exactly as its additive step would.
/// </summary>
public sealed class ExpandContractTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>The schema version this release writes: the "next release" plays one above it.</summary>
    private static int Latest => FleetManager.Storage.Sqlite.SqliteOrderBook.LatestSchemaVersion;

    public void Dispose() => _temp.Dispose();

    /// <summary>What a later release's additive step does: new table, new nullable column, version + compatible_from (the column itself exists since schema 4).</summary>
    private static void MigrateLikeTheNextRelease(string db, int compatibleFrom)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            BEGIN;
            CREATE TABLE source_poll (source TEXT PRIMARY KEY, last_success_at TEXT NOT NULL) WITHOUT ROWID;
            ALTER TABLE orders ADD COLUMN review_state TEXT;
            UPDATE schema_version SET version = version + 1, compatible_from = {compatibleFrom};
            COMMIT;
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Import_OnAnAdditivelyMigratedNewerSchema_KeepsWorkingAsThePreviousRelease()
    {
        var db = _temp.File("fm.db");
        var half = Directory.CreateDirectory(_temp.File("first")).FullName;
        var samples = Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in samples.Take(samples.Count / 2))
        {
            File.Copy(file, Path.Combine(half, Path.GetFileName(file)));
        }

        Assert.Equal(0, (await CliProcess.RunAsync("import", half, "--db", db, "--quiet")).ExitCode);
        MigrateLikeTheNextRelease(db, compatibleFrom: Latest);

        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet");
        var list = await CliProcess.RunAsync("orders", "list", "--db", db);
        var doctor = await CliProcess.RunAsync("doctor", "--db", db);

        Assert.True(import.ExitCode == 0, import.StdErr);
        Assert.True(list.ExitCode == 0, list.StdErr);
        var reference = _temp.File("reference.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", reference, "--quiet")).ExitCode);
        Assert.Equal(OrderBookProbe.Sqlite(reference).Ledger(), OrderBookProbe.Sqlite(db).Ledger());
        Assert.Contains($"newer, compatible with {Latest}", doctor.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OnANewerSchemaThatDroppedCompatibility_RefusesWithExitFour()
    {
        var db = _temp.File("fm.db");
        Assert.Equal(0, (await CliProcess.RunAsync("db", "migrate", "--db", db)).ExitCode);
        MigrateLikeTheNextRelease(db, compatibleFrom: Latest + 1);

        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet");

        Assert.Equal(4, import.ExitCode);
        Assert.Contains($"newer than the {Latest} this program knows", import.StdErr, StringComparison.Ordinal);
    }
}
