using System.Diagnostics;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Import;

/// <summary>
/// The crash-safety promise, proved on the real executable: kill -9 a child process in the middle of
/// an import, import again, and the order book must equal that of an uninterrupted run.
/// </summary>
public sealed class ImportCrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 1500;
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Import_KilledAtSeveralPointsThenRerun_EqualsUninterruptedRun()
    {
        var mbox = _temp.File("workload.mbox");
        MboxWorkload.Write(mbox, Messages);

        var reference = _temp.File("reference.db");
        var uninterrupted = await CliProcess.RunAsync("import", mbox, "--db", reference, "--quiet");
        Assert.Equal(0, uninterrupted.ExitCode);
        var expected = Dump(reference);
        Assert.Equal(Messages, expected.LedgerRows);
        Assert.True(expected.Orders.Count > Messages / 2, $"the workload should yield many orders and stops, got {expected.Orders.Count} rows");

        // Kill points: before anything is committed, then at growing shares of the ledger, and one
        // database killed twice in a row before it is completed.
        int[][] scenarios = [[0], [1], [Messages / 10], [Messages / 2], [Messages * 9 / 10], [Messages / 5, Messages * 3 / 5]];
        foreach (var killPoints in scenarios)
        {
            var db = await KillAtAsync(mbox, killPoints);

            var rerun = await CliProcess.RunAsync("import", mbox, "--db", db, "--quiet");
            Assert.True(rerun.ExitCode == 0, rerun.StdErr);
            var actual = Dump(db);
            Assert.Equal(expected.LedgerRows, actual.LedgerRows);
            Assert.Equal(expected.Ledger, actual.Ledger);
            Assert.Equal(expected.Orders, actual.Orders);
        }
    }

    /// <summary>
    /// A database killed at each of <paramref name="killPoints"/> in turn. On a fast machine the rest of the import can
    /// commit between the count reaching a late kill point and the signal landing: the import then exits 0 on its own,
    /// or the signal finds every message already committed. Either attempt proves nothing about a kill mid-import, so
    /// the scenario starts again on a new file, up to five times.
    /// </summary>
    private async Task<string> KillAtAsync(string mbox, int[] killPoints)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = _temp.File($"killed-{string.Join('-', killPoints)}-{attempt}.db");
            var allKilled = true;
            foreach (var point in killPoints)
            {
                var committed = await StartAndKillAsync(mbox, db, point);
                var afterKill = CountLedgerRows(db);
                var finished = committed is null || afterKill >= Messages;
                output.WriteLine($"attempt {attempt}: killed at >= {point} ledger rows (saw {committed}, {afterKill} after the kill){(finished ? ": every message was committed before the signal" : "")}");
                if (finished && attempt < 5)
                {
                    allKilled = false;
                    break;
                }

                // The kill must have landed mid-import, or the rerun proves nothing.
                Assert.True(afterKill < Messages, $"the import finished ({afterKill} rows) before the kill at {point}");
                Assert.True(afterKill >= point, $"killed at {afterKill} rows, before the kill point {point}");
            }

            if (allKilled)
            {
                return db;
            }
        }
    }

    /// <summary>
    /// Starts an import and SIGKILLs it once the ledger holds at least <paramref name="killAfterRows"/> rows; null when
    /// the import finished on its own before the signal landed.
    /// </summary>
    private static async Task<long?> StartAndKillAsync(string mbox, string db, int killAfterRows)
    {
        using var process = Process.Start(CliProcess.StartInfo("import", mbox, "--db", db, "--quiet"))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var seen = 0L;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            seen = CountLedgerRows(db);
            if (seen >= killAfterRows)
            {
                break;
            }

            await Task.Delay(2);
        }

        if (process.HasExited)
        {
            // On a fast machine the last batches and the exit can fall between two looks at the ledger: a clean finish
            // proves nothing either way, so the caller starts the scenario again, as when the signal lands too late.
            Assert.True(process.ExitCode == 0, $"the import failed (exit {process.ExitCode}) before it could be killed at {killAfterRows} rows");
            return null;
        }

        process.Kill(); // SIGKILL: no cleanup of any kind runs; the import starts no child process, so none is left behind
        await process.WaitForExitAsync();
        if (process.ExitCode == 0)
        {
            return null;
        }

        Assert.Equal(137, process.ExitCode); // 128 + SIGKILL: it was still running when the signal came
        return seen;
    }

    private static long CountLedgerRows(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM ledger";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }

    /// <summary>Everything in the order book but the processing timestamps, row by row, ids included.</summary>
    private static BookDump Dump(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var ledger = Rows(connection, "SELECT id, ledger_key, source_key, message_id, subject, sender, sent_at, status, classification, error, order_count FROM ledger ORDER BY id");
        var raw = Rows(connection, "SELECT ledger_id, length(bytes), hex(substr(bytes, 1, 64)) FROM raw_message ORDER BY ledger_id");
        var orders = Rows(connection, "SELECT id, ledger_id, order_index, order_json, sources_json FROM orders ORDER BY id");
        var stops = Rows(connection, "SELECT * FROM stops ORDER BY order_id, stop_index");
        return new BookDump(ledger.Count, [.. ledger, .. raw], [.. orders, .. stops]);
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private sealed record BookDump(long LedgerRows, List<string> Ledger, List<string> Orders);

    public void Dispose() => _temp.Dispose();
}
