using System.Text;
using System.Text.RegularExpressions;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Issue 12 §1: a disk that fills up under an import or an export, for real (a 2 MB tmpfs; CI runs as
/// root, and without root <see cref="ScratchMount"/> fails the test saying so). The run stops with exit 4
/// and one line naming the fix; nothing is half-written.
/// </summary>
public sealed class DiskFullCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>
    /// Copies of the samples (orders to store) under fresh Message-IDs, interleaved with 60 KB notes:
    /// about 5 MB of raw messages, more than the 2 MB disk holds.
    /// </summary>
    private string MailboxLargerThanTheDisk()
    {
        var folder = Directory.CreateDirectory(_temp.File("mail")).FullName;
        var samples = SampleMessages.Files(10);
        var filler = new StringBuilder();
        for (var line = 0; line < 800; line++)
        {
            filler.Append("Line ").Append(line).Append(": minutes of the weekly dispatch meeting, nothing to transport.\r\n");
        }

        for (var copy = 0; copy < 40; copy++)
        {
            var sample = File.ReadAllText(samples[copy % samples.Length]);
            var renamed = Regex.Replace(sample, @"(?im)^Message-ID:.*$", $"Message-ID: <copy-{copy}@disk-full.test>");
            File.WriteAllText(Path.Combine(folder, $"{copy:D3}-a-order.eml"), renamed);
            File.WriteAllText(
                Path.Combine(folder, $"{copy:D3}-b-note.eml"),
                $"From: office@example.com\r\nSubject: Notes {copy}\r\nMessage-ID: <note-{copy}@disk-full.test>\r\n\r\n{filler}");
        }

        return folder;
    }

    [Fact]
    public async Task Import_DiskFillsUpMidway_ExitsFourWithTheFixAndKeepsOnlyWholeMessages()
    {
        using var disk = new ScratchMount("2m");
        var db = disk.File("book.db");

        var result = await CliProcess.RunAsync("import", MailboxLargerThanTheDisk(), "--db", db, "--quiet");

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the disk is full", line);
        Assert.Contains("Free disk space where the order book lives", line);
        Assert.DoesNotContain("   at ", result.StdErr);

        // Check a copy on a disk with room: opening the book recovers its WAL, which needs space.
        var copy = _temp.File("copy.db");
        File.Copy(db, copy);
        if (File.Exists(db + "-wal"))
        {
            File.Copy(db + "-wal", copy + "-wal");
        }

        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        var stored = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM ledger"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(stored, 1, 79);
        // Whole messages only: each ledger row has its raw bytes and exactly the orders it counts, each with its stops.
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM ledger l WHERE NOT EXISTS (SELECT 1 FROM raw_message r WHERE r.ledger_id = l.id)"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM ledger l WHERE l.order_count <> (SELECT count(*) FROM orders o WHERE o.ledger_id = l.id)"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM stops s WHERE s.order_id = o.id)"));
        Assert.True((long)Scalar(connection, "SELECT count(*) FROM orders")! > 0);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xlsx")]
    public async Task OrdersExport_DiskFillsUpMidway_ExitsFourRemovesThePartialFileAndKeepsThePreviousExport(string format)
    {
        var db = _temp.File("book.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet")).ExitCode);
        using var disk = new ScratchMount("1m");
        var target = disk.File("orders." + format);
        await File.WriteAllTextAsync(target, "previous export");
        // Leave 8 KB: the export (about 28 KB as JSON) starts, then meets the end of the disk.
        await File.WriteAllBytesAsync(disk.File("filler"), new byte[1024 * 1024 - 12 * 1024]);

        var result = await CliProcess.RunAsync("orders", "export", "--format", format, "--db", db, "--output", target);

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("disk is full", line);
        Assert.Contains("Free disk space", line);
        Assert.Equal("previous export", await File.ReadAllTextAsync(target));
        Assert.Equal(["filler", "orders." + format], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _temp.Dispose();
}
