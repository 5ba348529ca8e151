using System.Globalization;
using System.Text;
using FleetManager.Tests.Support;
using FleetManager.TestServers.Dovecot;
using FleetManager.TestServers.Postgres;
using MailKit;
using MimeKit;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Commands;

/// <summary>
/// The service's promise across hosts: two <c>fleetmanager run</c> processes on one PostgreSQL database
/// and one Dovecot mailbox (real servers started by the fixtures) while 500 messages arrive; the lease
/// holder is killed with SIGKILL halfway. Every message must be processed exactly once, every order
/// stored once, and the survivor must take over within the lease time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunPairPostgresImapTests(PostgresServer postgres, DovecotServer dovecot, ITestOutputHelper output)
    : IClassFixture<DovecotServer>, IDisposable
{
    private const int Messages = 500;
    private const string Source = "shared-imap";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_TwoProcessesOnOneDatabaseAndMailboxHolderKilledHalfway_EveryMessageOnceAndSurvivorTakesOver()
    {
        var database = postgres.CreateDatabase();
        var (user, password) = await dovecot.CreateUserAsync();
        var delivered = Directory.CreateDirectory(_temp.File("delivered")).FullName;
        var book = OrderBookProbe.Postgres(database);
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__STORAGE__CONNECTIONSTRING"] = database,
            ["FLEETMANAGER__SOURCES__0__NAME"] = Source,
            ["FLEETMANAGER__SOURCES__0__KIND"] = "imap",
            ["FLEETMANAGER__SOURCES__0__INTERVAL"] = "00:00:01",
            ["FLEETMANAGER__SOURCES__0__MAXBATCH"] = "8",
            ["FLEETMANAGER__SOURCES__0__IMAP__HOST"] = "127.0.0.1",
            ["FLEETMANAGER__SOURCES__0__IMAP__PORT"] = dovecot.ImapPort.ToString(CultureInfo.InvariantCulture),
            ["FLEETMANAGER__SOURCES__0__IMAP__SECURITY"] = "None",
            ["FLEETMANAGER__SOURCES__0__IMAP__USERNAME"] = user,
            ["FLEETMANAGER__SOURCES__0__IMAP__PASSWORD"] = password,
            ["FLEETMANAGER__SOURCES__0__IMAP__FOLDER"] = "INBOX",
        };

        // The rest of the world delivers with APPEND over its own connection; each message is also kept
        // as a file, for the reference import below.
        using var sender = await dovecot.ConnectAsync(user, password);
        var inbox = await sender.GetFolderAsync("INBOX");
        ServicePair.Outcome outcome;
        using (var pair = new ServicePair(_temp.Path, environment, [], book, Source, TimeSpan.FromSeconds(6), output))
        {
            outcome = await pair.RunAsync(Messages, async i =>
            {
                var text = MboxWorkload.Message(i, allowMalformed: false);
                await File.WriteAllTextAsync(Path.Combine(delivered, $"m{i:D4}.eml"), text, new UTF8Encoding(false));
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                await inbox.AppendAsync(await MimeMessage.LoadAsync(stream), MessageFlags.None);
            }, TimeSpan.FromSeconds(110));

            pair.AssertTakeoverWithinLeaseAndNothingTwice(outcome, Messages);
        }

        await sender.DisconnectAsync(quit: true);

        // The same book as one uninterrupted import of the same messages: one ledger row per message,
        // each with exactly its orders, nothing twice.
        await book.AssertSameAsUninterruptedImportAsync(delivered, _temp.File("reference.db"), Messages);
    }
}
