using System.Diagnostics;
using FleetManager.StandIns;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// The outbox's redelivery promise on the real executable: <c>fleetmanager sync</c> is killed with SIGKILL after
/// its append reached the sheet and before it marked the rows delivered; the next run delivers the rest and
/// the sheet holds every order exactly once.
/// </summary>
public sealed class SyncCrashRedeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly SheetsStandIn _sheets = new();
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_oauth.StartAsync(), _sheets.StartAsync());
        _sheets.TokenIssuer = _oauth;
        _environment = StandInGoogleCredential.Create(_temp, _oauth, "sync.apps.googleusercontent.com", "1//sync", "https://www.googleapis.com/auth/spreadsheets");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["GOOGLE_SHEETS_SPREADSHEET_ID"] = _sheets.SpreadsheetId,
            ["FLEETMANAGER__SHEETS__BASEURL"] = _sheets.BaseAddress.ToString(),
            ["FLEETMANAGER__SHEETS__ATTEMPTTIMEOUT"] = "00:02:00",
            ["FLEETMANAGER__STORAGE__OUTBOXSINKS__0"] = "sheets",
        })
        {
            _environment[name] = value;
        }
    }

    [Fact]
    public async Task Sync_KilledAfterTheAppendLandedBeforeMarkingDelivered_NextSyncLeavesEachOrderOnceInTheSheet()
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync(_environment, "import", RepoPaths.Samples, "--db", db, "-q");
        Assert.True(import.ExitCode == 0, import.StdErr);
        var pending = OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM outbox WHERE sink = 'sheets' AND delivered_at IS NULL");
        Assert.True(pending > 1, "the samples should put several orders in the outbox");

        // The key column is read as usual; the sheet then applies the append and holds its answer: the process is
        // killed inside that window.
        _sheets.Faults.Enqueue(new Fault.None(), new Fault.DelayAfterEffect(TimeSpan.FromMinutes(1)));
        var info = CliProcess.StartInfo("sync", "--db", db);
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        using (var sync = Process.Start(info)!)
        {
            _ = sync.StandardOutput.ReadToEndAsync();
            _ = sync.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (_sheets.AppliedAppends == 0 && !sync.HasExited && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(10);
            }

            Assert.True(_sheets.AppliedAppends == 1, $"the append never landed (sync exited: {sync.HasExited})");
            Assert.False(sync.HasExited, "sync finished before it could be killed");
            sync.Kill(entireProcessTree: true);
            await sync.WaitForExitAsync();
            Assert.Equal(137, sync.ExitCode);
        }

        // The rows are in the sheet, but the book still holds them as pending.
        Assert.Equal((int)pending, _sheets.Rows().Count - 1);
        Assert.Equal(pending, OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM outbox WHERE sink = 'sheets' AND delivered_at IS NULL"));

        var again = await CliProcess.RunAsync(_environment, "sync", "--db", db);

        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Equal(0, OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM outbox WHERE sink = 'sheets' AND delivered_at IS NULL"));
        var keys = _sheets.Rows().Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((int)pending, keys.Count);
        Assert.Equal(1, _sheets.AppliedAppends);
    }

    public async Task DisposeAsync()
    {
        await _sheets.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();
}
