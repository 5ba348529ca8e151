using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FleetManager.Storage.Benchmarks;
using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FleetManager.Storage.Tests;

/// <summary>
/// kill -9 at any instant, then import again: the order book must end exactly as an uninterrupted
/// run leaves it. The import runs in a child process (the benchmark tool's <c>import</c> verb) that
/// is killed while it commits.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int MessageCount = 2000;
    private readonly TempDirectory _temp = new();
    private readonly ITestOutputHelper _output;

    public CrashRecoveryTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Import_KilledMidRunThenRepeated_EndsWithTheSameOrderBookAsAnUninterruptedRun()
    {
        var reference = _temp.File("reference.db");
        await ImportAsync(reference, MessageCount);

        var crashed = _temp.File("crashed.db");
        var interrupted = 0;
        foreach (var delay in new[] { 0, 40, 120 })
        {
            var committed = RunAndKill(crashed, delay);
            _output.WriteLine($"killed after {delay} ms: {committed} of {MessageCount} messages committed");
            interrupted += committed < MessageCount ? 1 : 0;
        }

        await ImportAsync(crashed, MessageCount);

        Assert.True(interrupted > 0, "no child process was killed before it finished; the test proved nothing");
        Assert.Equal(Dump(reference), Dump(crashed));
    }

    private static async Task ImportAsync(string path, int count)
    {
        using var book = SqliteOrderBook.Open(path);
        for (var index = 0; index < count; index++)
        {
            var (message, result) = SyntheticMessages.Create(index);
            if (!await book.ContainsAsync(message.LedgerKey, CancellationToken.None))
            {
                await book.CommitAsync(message, result, CancellationToken.None);
            }
        }
    }

    /// <summary>Starts the import in a child, waits until it has committed something (plus a delay), kills it; returns the ledger count after.</summary>
    private static long RunAndKill(string path, int delayMilliseconds)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "FleetManager.Storage.Benchmarks.dll");
        var start = new ProcessStartInfo(DotnetHost(), [tool, "import", path, MessageCount.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        using var child = Process.Start(start)!;
        var before = LedgerCount(path);
        var deadline = Stopwatch.StartNew();
        while (!child.HasExited && LedgerCount(path) <= before && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(5);
        }

        Thread.Sleep(delayMilliseconds);
        if (!child.HasExited)
        {
            child.Kill(); // SIGKILL on Unix: no finally blocks, no Dispose, no checkpoint.
        }

        child.WaitForExit();
        return LedgerCount(path);
    }

    private static long LedgerCount(string path)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM ledger";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }

    /// <summary>Every row of every table in key order, raw bytes as a hash: equal dumps mean equal order books.</summary>
    private static string Dump(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var dump = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT * FROM schema_version",
            "SELECT * FROM ledger ORDER BY id",
            "SELECT ledger_id, bytes FROM raw_message ORDER BY ledger_id",
            "SELECT * FROM orders ORDER BY id",
            "SELECT * FROM stops ORDER BY order_id, stop_index",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            dump.AppendLine(sql);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    dump.Append(value is byte[] bytes ? Convert.ToHexString(SHA256.HashData(bytes)) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))
                        .Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
