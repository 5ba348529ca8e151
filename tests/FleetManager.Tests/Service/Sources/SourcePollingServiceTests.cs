using FleetManager.Core.Pipeline;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace FleetManager.Tests.Service.Sources;

/// <summary>
/// Leases across two service instances on one SQLite file and one folder. The lease store here is
/// <see cref="SqliteFileLeaseStore"/>, a test-only stand-in until the storage area's SQLite
/// <see cref="ILeaseStore"/> is on main.
/// </summary>
public sealed class SourcePollingServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_TwoInstancesOneFolder_EachMessageProcessedOnceAndStandbyTakesOver()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        var count = SampleMessages.CopyTo(mail, 6);
        var db = _temp.File("fm.db");
        var leases = _temp.File("leases.db");
        var settings = new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
            ["Sources:0:Interval"] = "01:00:00",
            ["Service:LeaseDuration"] = "00:00:03",
        };
        void SharedLeases(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<ILeaseStore>(new SqliteFileLeaseStore(leases)));

        var starting = new[]
        {
            ServiceTestHost.StartAsync(db, settings, SharedLeases),
            ServiceTestHost.StartAsync(db, settings, SharedLeases),
        };
        var hosts = await Task.WhenAll(starting);
        await using var first = hosts[0];
        await using var second = hosts[1];

        // Both become ready: one because it polled, the other because it stands by for the lease.
        await first.WaitForStatusAsync("/healthz/ready", 200);
        await second.WaitForStatusAsync("/healthz/ready", 200);
        var states = new[] { await SourceStateAsync(first), await SourceStateAsync(second) };
        Assert.Contains("standby", states);
        var holder = states[0] == "standby" ? second : first;
        var standby = states[0] == "standby" ? first : second;

        var processed = await ProcessedAsync(holder);
        Assert.Equal(count, processed);
        Assert.Equal(0, await ProcessedAsync(standby));
        Assert.Equal(count, LedgerRows(db));

        // The holder stops (a deploy): the standby takes the lease over and polls; nothing is processed twice.
        await holder.StopAsync();
        await standby.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(0, await ProcessedAsync(standby));
        Assert.Equal(count, LedgerRows(db));
    }

    [Fact]
    public async Task Run_ImapServerDown_FailsOncePerScheduledPollInsteadOfRetryingAtOnce()
    {
        // The IDLE wait after a failed poll fails too (nothing listens): it must not start the next poll at once. It
        // did: ~1,400 failed polls a second, each logged, with the CPU busy.
        var settings = new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "down",
            ["Sources:0:Kind"] = "imap",
            ["Sources:0:Interval"] = "01:00:00",
            ["Sources:0:Imap:Host"] = "127.0.0.1",
            ["Sources:0:Imap:Port"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:0:Imap:Security"] = "None",
            ["Sources:0:Imap:Username"] = "dispo",
            ["Sources:0:Imap:Password"] = "secret",
        };
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), settings);

        await host.WaitForStatusAsync("/healthz", 503, b => b.GetProperty("sources")[0].GetProperty("consecutive_failures").GetInt32() > 0);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var source = (await host.GetJsonAsync("/healthz")).Body.GetProperty("sources")[0];
        Assert.Equal(1, source.GetProperty("consecutive_failures").GetInt32());
        Assert.Equal("transient", source.GetProperty("last_error_kind").GetString());
    }

    private static async Task<string> SourceStateAsync(ServiceTestHost host) =>
        (await host.GetJsonAsync("/healthz")).Body.GetProperty("sources")[0].GetProperty("state").GetString()!;

    /// <summary>Messages this instance committed as processed (from its status: both instances share one process here, so
    /// their /metrics, which follow the meter by name, would add up).</summary>
    private static async Task<long> ProcessedAsync(ServiceTestHost host) =>
        (await host.GetJsonAsync("/healthz")).Body.GetProperty("sources")[0].GetProperty("processed_since_start").GetInt64();

    internal static long LedgerRows(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ledger";
        return (long)command.ExecuteScalar()!;
    }
}
