using FleetManager.Commands;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager run</c> as a real child process: a stop signal mid-work.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_SigtermWhilePolling_ExitsZeroWithNothingHalfDone()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        Directory.CreateDirectory(mail);
        var total = MboxWorkload.Write(Path.Combine(mail, "workload.mbox"), 600);
        var db = _temp.File("fm.db");
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail,
            ["FLEETMANAGER__SOURCES__0__MAXBATCH"] = "4",
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
            ["FLEETMANAGER__SERVICE__SHUTDOWNTIMEOUT"] = "00:00:20",
        };

        using (var service = ServiceProcess.Start(_temp.Path, environment, "run", "--db", db))
        {
            await service.WaitForLineAsync(l => l.Contains(": processed", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(2));
            service.Terminate();

            var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, service.Output);
            Assert.Contains("lease released", service.Output, StringComparison.Ordinal);
        }

        // Nothing half-done: every ledger row has exactly its orders.
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM ledger l WHERE l.order_count <> (SELECT COUNT(*) FROM orders o WHERE o.ledger_id = l.id)"));
        var afterStop = Scalar(db, "SELECT COUNT(*) FROM ledger");
        // Work remained when the signal arrived (else the stop proved nothing about stopping mid-work).
        Assert.True(afterStop >= 1 && afterStop < total, $"{afterStop} of {total} messages were committed when the service stopped");

        // And the next pass finishes the rest exactly once.
        using var rest = ServiceProcess.Start(_temp.Path, environment, "poll", "--once", "--db", db);
        Assert.True(await rest.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, rest.Output);
        Assert.Equal(total, Scalar(db, "SELECT COUNT(*) FROM ledger"));
    }

    [Fact]
    public async Task Run_SettingDoesNotParse_ExitsConfigurationWithOneLine()
    {
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
            ["FLEETMANAGER__SERVICE__SHUTDOWNTIMEOUT"] = "banana",
        };
        using var service = ServiceProcess.Start(_temp.Path, environment, "run", "--db", _temp.File("fm.db"));

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.Configuration, exitCode);
        Assert.Contains("error: configuration: Failed to convert configuration value 'banana' at 'Service:ShutdownTimeout'", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
