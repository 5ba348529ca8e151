using System.Text;
using FleetManager.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Commands;

/// <summary>
/// The service's promise on one host: two <c>fleetmanager run</c> processes share one SQLite file and
/// watch one folder while 500 messages arrive; the lease holder is killed with SIGKILL halfway. Every
/// message must be processed exactly once, every order stored once, and the survivor must take over
/// within the lease time.
/// </summary>
public sealed class RunPairSqliteTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 500;
    private const string Source = "shared-folder";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_TwoProcessesOnOneFileHolderKilledHalfway_EveryMessageOnceAndSurvivorTakesOver()
    {
        var mail = Directory.CreateDirectory(_temp.File("mail")).FullName;
        var staging = Directory.CreateDirectory(_temp.File("staging")).FullName;
        var db = _temp.File("fm.db");
        var book = OrderBookProbe.Sqlite(db);
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = Source,
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail,
            ["FLEETMANAGER__SOURCES__0__INTERVAL"] = "00:00:01",
            ["FLEETMANAGER__SOURCES__0__MAXBATCH"] = "8",
        };

        ServicePair.Outcome outcome;
        using (var pair = new ServicePair(_temp.Path, environment, ["--db", db], book, Source, TimeSpan.FromSeconds(6), output))
        {
            // A message arrives whole: written beside the folder, then renamed into it.
            outcome = await pair.RunAsync(Messages, i =>
            {
                var staged = Path.Combine(staging, $"m{i:D4}.eml");
                File.WriteAllText(staged, MboxWorkload.Message(i), new UTF8Encoding(false));
                File.Move(staged, Path.Combine(mail, $"m{i:D4}.eml"));
                return Task.CompletedTask;
            }, TimeSpan.FromSeconds(100));

            pair.AssertTakeoverWithinLeaseAndNothingTwice(outcome, Messages);
        }

        // The same book as one uninterrupted import of the same messages: one ledger row per message,
        // each with exactly its orders, nothing twice.
        await book.AssertSameAsUninterruptedImportAsync(mail, _temp.File("reference.db"), Messages);
    }
}
