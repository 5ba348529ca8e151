using System.Diagnostics;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager db backup|restore</c> as an operator runs them, beside a process that is writing.</summary>
public sealed class DbBackupCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Backup_WhileAnImportWrites_RestoresToAConsistentBookThatCompletesToTheIdenticalOrderBook()
    {
        const int messages = 3000;
        var input = _temp.File("workload.mbox");
        MboxWorkload.Write(input, messages);
        var db = _temp.File("live.db");
        var backups = _temp.File("backups");

        // The import writes while backups are taken; every backup must be a consistent snapshot.
        using var import = Process.Start(CliProcess.StartInfo("import", input, "--db", db, "--quiet"))!;
        var stderr = import.StandardError.ReadToEndAsync();
        _ = import.StandardOutput.ReadToEndAsync();
        var takenDuringImport = 0;
        while (!import.HasExited)
        {
            if (File.Exists(db))
            {
                var backup = await CliProcess.RunAsync("db", "backup", "--db", db, "--to", backups);
                Assert.True(backup.ExitCode == 0, backup.StdErr);
                if (!import.HasExited)
                {
                    takenDuringImport++;
                }
            }

            await Task.Delay(200);
        }

        await import.WaitForExitAsync();
        Assert.True(import.ExitCode == 0, await stderr);
        Assert.True(takenDuringImport > 0, "no backup was taken while the import was writing");

        // A backup taken mid-import, restored, holds whole messages only; importing again completes it to
        // exactly the book of the uninterrupted run.
        var midImport = Directory.GetFiles(backups, "fleetmanager-*.db").Order(StringComparer.Ordinal).First();
        var restored = _temp.File("restored.db");
        var restore = await CliProcess.RunAsync("db", "restore", midImport, "--db", restored);
        Assert.True(restore.ExitCode == 0, restore.StdErr);
        var restoredBook = OrderBookProbe.Sqlite(restored);
        Assert.True(restoredBook.LedgerRows() < messages, "the first backup should predate the end of the import");
        Assert.Equal(0, restoredBook.Count("SELECT count(*) FROM ledger l WHERE l.order_count <> (SELECT count(*) FROM orders o WHERE o.ledger_id = l.id)"));
        var resumed = await CliProcess.RunAsync("import", input, "--db", restored, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.StdErr);
        Assert.Equal(OrderBookProbe.Sqlite(db).Ledger(), restoredBook.Ledger());
        Assert.Equal(OrderBookProbe.Sqlite(db).OrdersByMessage(), restoredBook.OrdersByMessage());

        // A backup taken after the import restores to the identical order book.
        var final = await CliProcess.RunAsync("db", "backup", "--db", db, "--to", _temp.File("final"));
        Assert.True(final.ExitCode == 0, final.StdErr);
        var again = _temp.File("again.db");
        Assert.Equal(0, (await CliProcess.RunAsync("db", "restore", Directory.GetFiles(_temp.File("final")).Single(), "--db", again)).ExitCode);
        Assert.Equal(OrderBookProbe.Sqlite(db).OrdersByMessage(), OrderBookProbe.Sqlite(again).OrdersByMessage());
        Assert.Equal(OrderBookProbe.Sqlite(db).Ledger(), OrderBookProbe.Sqlite(again).Ledger());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Backup_WithKeep_LeavesOnlyTheNewestOwnerOnlyFiles()
    {
        var db = _temp.File("fm.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet")).ExitCode);
        var backups = _temp.File("backups");
        var written = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var backup = await CliProcess.RunAsync("db", "backup", "--db", db, "--to", backups, "--keep", "2");
            Assert.True(backup.ExitCode == 0, backup.StdErr);
            written.Add(Directory.GetFiles(backups, "fleetmanager-*.db").Order(StringComparer.Ordinal).Last());
        }

        var left = Directory.GetFiles(backups).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written.TakeLast(2), left);
        Assert.All(left, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task Restore_DamagedBackup_RefusesWithExitFourAndLeavesTheBookAlone()
    {
        var db = _temp.File("fm.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet")).ExitCode);
        var before = OrderBookProbe.Sqlite(db).OrdersByMessage();
        var damaged = _temp.File("fleetmanager-20260101T000000Z.db");
        File.Copy(db, damaged);
        DamagedFile.OverwriteMiddle(damaged);

        var result = await CliProcess.RunAsync("db", "restore", damaged, "--db", db);

        Assert.Equal(4, result.ExitCode);
        Assert.Matches("^error: the backup .* is damaged: .*Take the backup again, or restore an older one\\.$", result.StdErr.TrimEnd());
        Assert.Equal(before, OrderBookProbe.Sqlite(db).OrdersByMessage());
    }
}
