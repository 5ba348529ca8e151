using System.Diagnostics;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Import;

/// <summary>
/// <c>fleetmanager reprocess</c> killed with SIGKILL in the middle (a real child process): every message is then
/// either exactly as it was or exactly as an uninterrupted reprocess leaves it, never half, and running again
/// completes to the uninterrupted result.
/// </summary>
public sealed class ReprocessCrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 1000;
    private const string OldReason = "simulated: an older version could not read this message";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Reprocess_KilledMidwayThenRerun_EachMessageOldOrNewAndTheRerunCompletes()
    {
        var mbox = _temp.File("workload.mbox");
        MboxWorkload.Write(mbox, Messages);
        var original = _temp.File("original.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", mbox, "--db", original, "--quiet")).ExitCode);
        // A bug of an older version: every message quarantined, its orders never stored.
        Execute(original, "DELETE FROM stops; DELETE FROM orders; UPDATE ledger SET status = 'quarantined', classification = NULL, error = '" + OldReason + "', order_count = 0;");

        var reference = Copy(original, "reference.db");
        var uninterrupted = await CliProcess.RunAsync("reprocess", "--db", reference);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.StdErr);
        var expected = Dump(reference);
        Assert.True(expected.Orders.Count > Messages / 2, $"the workload should give many orders, got {expected.Orders.Count}");

        foreach (var killAt in new[] { Messages / 10, Messages / 2 })
        {
            var db = Copy(original, $"killed-{killAt}.db");
            var seen = await StartAndKillAsync(db, killAt);
            var killed = Dump(db);
            output.WriteLine($"killed at >= {killAt} reprocessed messages (saw {seen}); {killed.Messages.Count(m => m.Value.Status == "processed")} were done");

            // Each message: exactly the old state or exactly the new one.
            foreach (var (key, message) in killed.Messages)
            {
                var isOld = message.Status == "quarantined" && message.Error == OldReason && message.Orders.Count == 0;
                Assert.True(isOld || message == expected.Messages[key], $"message {key} is half-replaced: {message}");
            }

            var rerun = await CliProcess.RunAsync("reprocess", "--db", db);
            Assert.True(rerun.ExitCode == 0, rerun.StdErr);
            var completed = Dump(db);
            Assert.Equal(expected.Messages.Keys.Order(StringComparer.Ordinal), completed.Messages.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected.Messages, pair => Assert.Equal(pair.Value, completed.Messages[pair.Key]));
        }
    }

    private string Copy(string from, string name)
    {
        var to = _temp.File(name);
        File.Copy(from, to);
        return to;
    }

    /// <summary>Starts a reprocess and SIGKILLs it once at least <paramref name="killAfter"/> messages are replaced.</summary>
    private static async Task<long> StartAndKillAsync(string db, int killAfter)
    {
        using var process = Process.Start(CliProcess.StartInfo("reprocess", "--db", db))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var seen = 0L;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            seen = Count(db, "SELECT count(*) FROM ledger WHERE status = 'processed'");
            if (seen >= killAfter)
            {
                break;
            }

            await Task.Delay(2);
        }

        Assert.False(process.HasExited, "the reprocess ended before it could be killed; use a larger workload");
        process.Kill(); // SIGKILL, at once: no cleanup of any kind runs; reprocess starts no child process
        await process.WaitForExitAsync();
        return seen;
    }

    private static long Count(string db, string sql)
    {
        try
        {
            using var connection = Open(db);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // busy with the writer's checkpoint: try again
        }
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Each message's ledger outcome with its orders and stops (without row ids and timestamps, which a replacement renews).</summary>
    private static BookDump Dump(string db)
    {
        using var connection = Open(db);
        var messages = new Dictionary<string, MessageDump>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, ledger_key, status, classification, error, order_count FROM ledger ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                messages[reader.GetString(1)] = new MessageDump(
                    reader.GetInt64(0), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), []);
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT l.ledger_key, o.order_index, o.order_json, o.sources_json, " +
                "(SELECT group_concat(s.stop_index || ':' || s.type || ':' || ifnull(s.city, '') || ':' || ifnull(s.latitude, ''), ';') FROM stops s WHERE s.order_id = o.id) " +
                "FROM orders o JOIN ledger l ON l.id = o.ledger_id ORDER BY l.ledger_key, o.order_index";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                messages[reader.GetString(0)].Orders.Add($"{reader.GetInt32(1)}|{reader.GetString(2)}|{(reader.IsDBNull(3) ? "" : reader.GetString(3))}|{(reader.IsDBNull(4) ? "" : reader.GetString(4))}");
            }
        }

        return new BookDump(messages, [.. messages.Values.SelectMany(m => m.Orders)]);
    }

    private sealed record MessageDump(long LedgerId, string Status, string? Classification, string? Error, int OrderCount, List<string> Orders)
    {
        public bool Equals(MessageDump? other) =>
            other is not null && LedgerId == other.LedgerId && Status == other.Status && Classification == other.Classification
            && Error == other.Error && OrderCount == other.OrderCount && Orders.SequenceEqual(other.Orders);

        public override int GetHashCode() => HashCode.Combine(LedgerId, Status, OrderCount);

        public override string ToString() => $"{Status} {Classification} '{Error}' {OrderCount} orders, {Orders.Count} order rows";
    }

    private sealed record BookDump(Dictionary<string, MessageDump> Messages, List<string> Orders);

    public void Dispose() => _temp.Dispose();
}
