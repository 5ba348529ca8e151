using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetManager.Tests.Support;
using FleetManager.TestServers.Dovecot;
using MailKit;
using MimeKit;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>fleetmanager run</c> waits for new mail with IMAP IDLE (a real Dovecot): with a ten-minute interval, a message
/// delivered after the first poll is committed within seconds (Dovecot announces it within one) — only IDLE can have brought it.
/// </summary>
public sealed class RunImapIdleTests(DovecotServer dovecot) : IClassFixture<DovecotServer>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_LongIntervalAndADeliveryAfterTheFirstPoll_CommittedFarSoonerThanTheInterval()
    {
        var (user, password) = await dovecot.CreateUserAsync();
        var db = _temp.File("fm.db");
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "idle-inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "imap",
            ["FLEETMANAGER__SOURCES__0__INTERVAL"] = Interval.ToString("c", CultureInfo.InvariantCulture),
            ["FLEETMANAGER__SOURCES__0__IMAP__HOST"] = "127.0.0.1",
            ["FLEETMANAGER__SOURCES__0__IMAP__PORT"] = dovecot.ImapPort.ToString(CultureInfo.InvariantCulture),
            ["FLEETMANAGER__SOURCES__0__IMAP__SECURITY"] = "None",
            ["FLEETMANAGER__SOURCES__0__IMAP__USERNAME"] = user,
            ["FLEETMANAGER__SOURCES__0__IMAP__PASSWORD"] = password,
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
        };
        await dovecot.DeliverAsync(user, password, [Message(1)]);

        using var service = ServiceProcess.Start(_temp.Path, environment, "run", "--db", db);
        await WaitForLedgerRowsAsync(db, 1, TimeSpan.FromMinutes(2), service);

        var delivered = Stopwatch.StartNew();
        await dovecot.DeliverAsync(user, password, [Message(2)]);
        await WaitForLedgerRowsAsync(db, 2, TimeSpan.FromSeconds(10), service);

        // Dovecot announces new mail within a second (mailbox_idle_check_interval); ten seconds leave room for a
        // loaded machine and are still sixty times shorter than the interval.
        Assert.True(delivered.Elapsed < TimeSpan.FromSeconds(10), $"committed {delivered.Elapsed} after delivery; the interval is {Interval}");
        service.Terminate();
        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task WaitForLedgerRowsAsync(string db, long rows, TimeSpan within, ServiceProcess service)
    {
        var waited = Stopwatch.StartNew();
        while (LedgerRows(db) < rows)
        {
            Assert.True(waited.Elapsed < within, $"fewer than {rows} message(s) committed after {within}:\n{service.Output}");
            await Task.Delay(100);
        }
    }

    private static long LedgerRows(string db)
    {
        try
        {
            return File.Exists(db) ? OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM ledger") : 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    private static MimeMessage Message(int n)
    {
        var text = MboxWorkload.Message(n, allowMalformed: false);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return MimeMessage.Load(stream);
    }
}
