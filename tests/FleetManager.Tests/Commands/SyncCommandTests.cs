using FleetManager.Commands;
using FleetManager.Core.Pipeline;
using FleetManager.Google.Auth;
using FleetManager.StandIns.Sheets;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class SyncCommandTests
{
    [Fact]
    public async Task RunAsync_SheetsNotConfigured_SaysWhatToSetAndSendsNothing()
    {
        var outbox = new ListOutbox();
        var errors = new StringWriter();

        var code = await SyncCommand.RunAsync(Environment([], TextWriter.Null, errors), "book.db", _ => outbox, _ => new FixedToken(), CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.StartsWith("error: Google Sheets is not configured: set GOOGLE_SHEETS_SPREADSHEET_ID", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoGoogleCredential_SaysWhichSettingAndVerbInOneErrorLine()
    {
        var errors = new StringWriter();

        var code = await SyncCommand.RunAsync(Environment(new() { ["Sheets:SpreadsheetId"] = "abc" }, TextWriter.Null, errors), "book.db", _ => new ListOutbox(), _ => null, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: No Google credential is configured. Set GMAIL_CREDENTIALS_FILE (Gmail:CredentialsFile)", line, StringComparison.Ordinal);
        Assert.Contains("'fleetmanager auth google'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoSheetsSettingsOverTheRealBook_ExitsConfigurationInOneLineAndOpensNoBook()
    {
        var db = Path.Combine(Path.GetTempPath(), "fm-sync-" + Guid.NewGuid().ToString("N") + ".db");
        var errors = new StringWriter();

        var code = await SyncCommand.RunAsync(Environment([], TextWriter.Null, errors), db, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("set GOOGLE_SHEETS_SPREADSHEET_ID", line, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "sync created an order book although nothing could be sent");
    }

    [Fact]
    public async Task RunAsync_PendingOrders_PushedAndCounted()
    {
        await using var sheet = new SheetsStandIn();
        await sheet.StartAsync();
        var outbox = new ListOutbox();
        outbox.Entries.Add(new OutboxEntry(1, "sheets", "<a@x>#0", """{"id":1,"message_id":"<a@x>","customer":"ACME","stops":[]}"""));
        outbox.Entries.Add(new OutboxEntry(2, "sheets", "<a@x>#1", """{"id":2,"message_id":"<a@x>","customer":"=cmd","stops":[]}"""));
        var output = new StringWriter();

        var code = await SyncCommand.RunAsync(
            Environment(new() { ["Sheets:BaseUrl"] = sheet.BaseAddress.ToString(), ["Sheets:SpreadsheetId"] = sheet.SpreadsheetId }, output, TextWriter.Null),
            "book.db", _ => outbox, _ => new FixedToken(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("2 row(s) appended", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, sheet.Rows().Count);
    }

    [Fact]
    public async Task RunAsync_SpreadsheetUnknown_ExitsNotConfiguredWithFix()
    {
        await using var sheet = new SheetsStandIn();
        await sheet.StartAsync();
        var outbox = new ListOutbox();
        outbox.Entries.Add(new OutboxEntry(1, "sheets", "<a@x>#0", """{"id":1}"""));
        var errors = new StringWriter();

        var code = await SyncCommand.RunAsync(
            Environment(new() { ["Sheets:BaseUrl"] = sheet.BaseAddress.ToString(), ["Sheets:SpreadsheetId"] = "wrong-id" }, TextWriter.Null, errors),
            "book.db", _ => outbox, _ => new FixedToken(), CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("does not exist", errors.ToString(), StringComparison.Ordinal);
    }

    private static VerbEnvironment Environment(Dictionary<string, string?> settings, TextWriter output, TextWriter errors) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), output, errors);

    private sealed class FixedToken : IGoogleAccessTokenProvider
    {
        public ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken) => ValueTask.FromResult("token");

        public ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult("token");
    }

    private sealed class ListOutbox : IOutbox
    {
        private readonly HashSet<long> _delivered = [];

        public List<OutboxEntry> Entries { get; } = [];

        public ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<OutboxEntry>>([.. Entries.Where(e => !_delivered.Contains(e.Id)).Take(max)]);

        public ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
        {
            _delivered.UnionWith(ids);
            return ValueTask.CompletedTask;
        }

        public ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken) => ValueTask.FromResult((long)Entries.Count(e => !_delivered.Contains(e.Id)));
    }
}
