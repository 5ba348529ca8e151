using System.Text.RegularExpressions;
using FleetManager.Commands;
using FleetManager.Google.Auth;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;
using FleetManager.StandIns.Sheets;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager reprocess</c> and <c>db purge</c> as a user runs them, on the real executable.</summary>
public sealed partial class ReprocessCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Reprocess_QuarantinedWhileTheReaderFailed_RecoveredOnceItWorksAndASecondRunChangesNothing()
    {
        await using var gemini = new GeminiStandIn { ApiKey = "k", Answer = _ => ModelAnswer.Json("{not json") };
        await gemini.StartAsync();
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync(Gemini(gemini), "import", RepoPaths.Samples, "--reader", "gemini", "--db", db, "--quiet");
        Assert.True(import.ExitCode == 0, import.StdErr);
        var probe = OrderBookProbe.Sqlite(db);
        var quarantined = probe.Count("SELECT count(*) FROM ledger WHERE status = 'quarantined'");
        Assert.True(quarantined > 0, "the failing reader should have quarantined the orders");

        gemini.Answer = CorpusAnswers.FromDirectory(RepoPaths.Samples);
        var first = await CliProcess.RunAsync(Gemini(gemini), "reprocess", "--quarantined", "--reader", "gemini", "--db", db, "-v");

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Equal(quarantined, Counted(first.StdOut, "newly processed"));
        Assert.Equal(0, probe.Count("SELECT count(*) FROM ledger WHERE status = 'quarantined'"));
        Assert.True(probe.Count("SELECT count(*) FROM orders") > 0);
        Assert.Contains(" newly processed ", first.StdOut, StringComparison.Ordinal);
        var before = probe.Rows("SELECT o.id, o.ledger_id, o.order_index, o.order_json FROM orders o ORDER BY o.id").Select(r => string.Join('|', r)).ToList();

        var again = await CliProcess.RunAsync(Gemini(gemini), "reprocess", "--quarantined", "--reader", "gemini", "--db", db);
        var all = await CliProcess.RunAsync(Gemini(gemini), "reprocess", "--all", "--reader", "gemini", "--db", db);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing to reprocess", again.StdOut, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.StdErr);
        Assert.Equal(probe.LedgerRows(), Counted(all.StdOut, "unchanged"));
        Assert.Equal(0, Counted(all.StdOut, "changed"));
        Assert.Equal(before, probe.Rows("SELECT o.id, o.ledger_id, o.order_index, o.order_json FROM orders o ORDER BY o.id").Select(r => string.Join('|', r)).ToList());
    }

    [Fact]
    public async Task Reprocess_AllAfterAReaderChange_SheetGetsItsRowsUpdatedAndRemovedNeverDuplicated()
    {
        await using var sheet = new SheetsStandIn();
        await sheet.StartAsync();
        await using var gemini = new GeminiStandIn { ApiKey = "k", Answer = CorpusAnswers.FromDirectory(RepoPaths.Samples) };
        await gemini.StartAsync();
        var db = _temp.File("book.db");
        var environment = new Dictionary<string, string>(Gemini(gemini))
        {
            ["FLEETMANAGER__SHEETS__SPREADSHEETID"] = sheet.SpreadsheetId,
            ["FLEETMANAGER__SHEETS__BASEURL"] = sheet.BaseAddress.ToString(),
        };
        var import = await CliProcess.RunAsync(environment, "import", RepoPaths.Samples, "--db", db, "--quiet");
        Assert.True(import.ExitCode == 0, import.StdErr);
        Assert.Equal(0, await SyncAsync(sheet, db));
        Assert.True(sheet.Rows().Count > 1);

        var reprocess = await CliProcess.RunAsync(environment, "reprocess", "--all", "--reader", "gemini", "--db", db, "-v");

        Assert.True(reprocess.ExitCode == 0, reprocess.StdErr);
        Assert.True(Counted(reprocess.StdOut, "changed") > 0, "the model reads some sample differently from the rules engine: " + reprocess.StdOut);
        Assert.Contains("fleetmanager sync", reprocess.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, await SyncAsync(sheet, db));
        var keys = sheet.Rows().Skip(1).Where(r => r.Count > 0 && r[0].Length > 0).Select(r => r[0]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var probe = OrderBookProbe.Sqlite(db);
        var stored = probe.Rows("SELECT l.message_id, o.order_index, o.reference_number FROM orders o JOIN ledger l ON l.id = o.ledger_id")
            .ToDictionary(r => $"{r[0]}#{r[1]}", r => r[2] is DBNull ? string.Empty : (string)r[2], StringComparer.Ordinal);
        Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var header = sheet.Rows()[0].ToList();
        foreach (var row in sheet.Rows().Skip(1).Where(r => r.Count > 0 && r[0].Length > 0))
        {
            Assert.Equal(stored[row[0]], row.Count > header.IndexOf("reference_number") ? row[header.IndexOf("reference_number")] : string.Empty);
        }
    }

    [Fact]
    public async Task DbPurgeThenReprocess_RawBodiesGoLedgerAndOrdersStayAndPurgedMessagesAreReported()
    {
        var db = _temp.File("book.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet")).ExitCode);
        var probe = OrderBookProbe.Sqlite(db);
        var orders = probe.Count("SELECT count(*) FROM orders");
        var retention = new Dictionary<string, string> { ["FLEETMANAGER__STORAGE__RAWMESSAGERETENTION"] = "00:00:00.001" };

        var notSet = await CliProcess.RunAsync("db", "purge", "--db", db);
        var purge = await CliProcess.RunAsync(retention, "db", "purge", "--db", db);
        var reprocess = await CliProcess.RunAsync("reprocess", "--all", "--db", db);

        Assert.Equal(5, notSet.ExitCode);
        Assert.Contains("Storage:RawMessageRetention", notSet.StdErr, StringComparison.Ordinal);
        Assert.True(purge.ExitCode == 0, purge.StdErr);
        Assert.Contains($"purged {probe.LedgerRows()} raw messages", purge.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, probe.Count("SELECT count(*) FROM raw_message"));
        Assert.Equal(orders, probe.Count("SELECT count(*) FROM orders"));
        Assert.Equal(0, reprocess.ExitCode);
        Assert.Equal(probe.LedgerRows(), Counted(reprocess.StdOut, "raw message purged"));
    }

    [Theory]
    [InlineData("--since", "01.12.2026", "not an ISO date")]
    [InlineData("--all", "--quarantined", "not both")]
    public async Task Reprocess_BadArguments_OneLineAndExitTwo(string option, string value, string expected)
    {
        var result = await CliProcess.RunAsync("reprocess", option, value, "--db", _temp.File("none.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocess_NoOrderBook_ExitFourAndNothingCreated()
    {
        var result = await CliProcess.RunAsync("reprocess", "--db", _temp.File("missing.db"));

        Assert.Equal(4, result.ExitCode);
        Assert.False(File.Exists(_temp.File("missing.db")));
    }

    private static Dictionary<string, string> Gemini(GeminiStandIn gemini) => new()
    {
        ["GEMINI_API_KEY"] = "k",
        ["FLEETMANAGER__GEMINI__BASEURL"] = gemini.BaseAddress.AbsoluteUri,
        ["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000",
        ["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010",
    };

    /// <summary>Pushes the outbox to the Sheets stand-in as 'fleetmanager sync' does, on the real store.</summary>
    private static async Task<int> SyncAsync(SheetsStandIn sheet, string db)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sheets:BaseUrl"] = sheet.BaseAddress.ToString(),
            ["Sheets:SpreadsheetId"] = sheet.SpreadsheetId,
        }).Build();
        var stores = new List<IOrderStore>();
        try
        {
            return await SyncCommand.RunAsync(
                new VerbEnvironment(configuration, TextWriter.Null, TextWriter.Null), db, path => Track(stores, OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = path })),
                _ => new FixedToken(), CancellationToken.None);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    private static IOrderStore Track(List<IOrderStore> stores, IOrderStore store)
    {
        stores.Add(store);
        return store;
    }

    /// <summary>The number on the summary line that starts with <paramref name="label"/>.</summary>
    private static long Counted(string output, string label)
    {
        var match = Regex.Match(output, "^  " + Regex.Escape(label) + @"\s+(\d+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{label}' line in: {output}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class FixedToken : IGoogleAccessTokenProvider
    {
        public ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken) => ValueTask.FromResult("token");

        public ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult("token");
    }

    public void Dispose() => _temp.Dispose();
}
