using System.Text.Json.Nodes;
using FleetManager.Google.Auth;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.Models;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Service;

/// <summary>
/// The service host knows every adapter by configuration alone: a Gmail source read by Gemini into the
/// order book and on to Google Sheets, an IMAP source's settings checked, with the real executable's
/// <c>poll --once</c> against the Google stand-ins.
/// </summary>
public sealed class ServiceCompositionTests : IAsyncLifetime, IDisposable
{
    private const string GmailScope = "https://www.googleapis.com/auth/gmail.modify";
    private const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly GmailStandIn _gmail = new();
    private readonly GeminiStandIn _gemini = new() { ApiKey = "gemini-key", Answer = CorpusAnswers.FromDirectory(RepoPaths.Samples) };
    private readonly SheetsStandIn _sheets = new();

    public async Task InitializeAsync()
    {
        await _oauth.StartAsync();
        await _gmail.StartAsync();
        await _gemini.StartAsync();
        await _sheets.StartAsync();
        _oauth.RefreshTokens["1//service"] = GmailScope + " " + SheetsScope;
        _oauth.Clients["svc.apps.googleusercontent.com"] = "s";
        _gmail.TokenIssuer = _oauth;
        _sheets.TokenIssuer = _oauth;
    }

    public async Task DisposeAsync()
    {
        await _sheets.DisposeAsync();
        await _gemini.DisposeAsync();
        await _gmail.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PollOnce_GmailSourceGeminiReaderAndSheets_StoresLabelsAndAppendsEveryOrder()
    {
        var files = Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).ToList();
        var ids = files.Select((f, i) => _gmail.Deliver(File.ReadAllBytes(f), DateTimeOffset.UtcNow.AddMinutes(-files.Count + i))).ToList();
        var expectedOrders = files.Sum(f => ExpectedOrders(Path.ChangeExtension(f, ".expected.json")));
        var db = _temp.File("book.db");

        var result = await CliProcess.RunAsync(Environment(db), "poll", "--once", "--db", db);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(expectedOrders, Scalar(db, "SELECT count(*) FROM orders"));
        Assert.Equal(files.Count, Scalar(db, "SELECT count(*) FROM ledger"));
        Assert.All(ids, id => Assert.True(
            _gmail.LabelNamesOf(id).Overlaps(["FleetManager/Processed", "FleetManager/Quarantined"]), $"message {id} carries no FleetManager label"));
        // At most one model call per message; the pre-filter decides the auto-reply and the newsletter without one.
        Assert.InRange(_gemini.Answered.Count, 1, files.Count - 1);
        var rows = _sheets.Rows();
        Assert.Equal(expectedOrders + 1, rows.Count); // the header row, then one row per order
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL"));
    }

    [Fact]
    public async Task PollOnce_SecondPassWithNothingNew_AddsNoRowAndCallsNoModel()
    {
        _gmail.Deliver(File.ReadAllBytes(Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).First()), DateTimeOffset.UtcNow);
        var db = _temp.File("book.db");
        var first = await CliProcess.RunAsync(Environment(db), "poll", "--once", "--db", db);
        var rowsAfterFirst = _sheets.Rows().Count;
        var calls = _gemini.Answered.Count;

        var second = await CliProcess.RunAsync(Environment(db), "poll", "--once", "--db", db);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.StdErr + second.StdErr);
        Assert.Equal(rowsAfterFirst, _sheets.Rows().Count);
        Assert.Equal(calls, _gemini.Answered.Count);
    }

    [Fact]
    public async Task PollOnce_GeminiReaderWithoutKey_ExitsConfigurationNamingTheKey()
    {
        var db = _temp.File("book.db");
        var environment = Environment(db);
        environment.Remove("GEMINI_API_KEY");

        var result = await CliProcess.RunAsync(environment, "poll", "--once", "--db", db);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("GEMINI_API_KEY", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_ImapSourceWithoutPassword_ExitsConfigurationNamingTheSetting()
    {
        var db = _temp.File("book.db");
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "office",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "imap",
            ["FLEETMANAGER__SOURCES__0__IMAP__HOST"] = "127.0.0.1",
            ["FLEETMANAGER__SOURCES__0__IMAP__SECURITY"] = "None",
            ["FLEETMANAGER__SOURCES__0__IMAP__USERNAME"] = "dispatch",
        };

        var result = await CliProcess.RunAsync(environment, "poll", "--once", "--db", db);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("Imap:Password", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_SpreadsheetWithoutAGoogleCredential_ExitsConfigurationBeforePollingAnything()
    {
        var db = _temp.File("book.db");
        var inbox = Directory.CreateDirectory(_temp.File("inbox")).FullName;
        SampleMessages.CopyTo(inbox, 2);
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = inbox,
            ["GOOGLE_SHEETS_SPREADSHEET_ID"] = _sheets.SpreadsheetId,
            ["FLEETMANAGER__SHEETS__BASEURL"] = _sheets.BaseAddress.AbsoluteUri,
        };

        var result = await CliProcess.RunAsync(environment, "poll", "--once", "--db", db);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: configuration: Sheets:SpreadsheetId (GOOGLE_SHEETS_SPREADSHEET_ID) is set but no Google credential is. Set GMAIL_CREDENTIALS_FILE", line, StringComparison.Ordinal);
        // Checked before the poll, as run checks it before it starts: no message was read into a book.
        Assert.False(File.Exists(db));
    }

    private Dictionary<string, string> Environment(string db)
    {
        var credentials = _temp.File("client_secret.json");
        var token = _temp.File("google-token.json");
        if (!File.Exists(credentials))
        {
            SecretFilePermissions.WriteAllTextPrivate(credentials, """{"installed":{"client_id":"svc.apps.googleusercontent.com","client_secret":"s"}}""");
            RefreshTokenFile.Write(token, new StoredRefreshToken("1//service", null, null, DateTimeOffset.UtcNow));
        }

        return new Dictionary<string, string>
        {
            ["DATA_DIR"] = Path.GetDirectoryName(db)!,
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "gmail",
            ["FLEETMANAGER__SOURCES__0__READER"] = "gemini",
            ["GMAIL_CREDENTIALS_FILE"] = credentials,
            ["FLEETMANAGER__GMAIL__TOKENFILE"] = token,
            ["FLEETMANAGER__GMAIL__BASEURL"] = _gmail.BaseAddress.AbsoluteUri,
            ["FLEETMANAGER__GMAIL__RETRYBASEDELAY"] = "00:00:00.010",
            ["FLEETMANAGER__GOOGLE__TOKENURL"] = _oauth.TokenUrl.AbsoluteUri,
            ["GEMINI_API_KEY"] = "gemini-key",
            ["FLEETMANAGER__GEMINI__BASEURL"] = _gemini.BaseAddress.AbsoluteUri,
            ["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000",
            ["GOOGLE_SHEETS_SPREADSHEET_ID"] = _sheets.SpreadsheetId,
            ["FLEETMANAGER__SHEETS__BASEURL"] = _sheets.BaseAddress.AbsoluteUri,
        };
    }

    private static int ExpectedOrders(string expectedJson) =>
        JsonNode.Parse(File.ReadAllText(expectedJson))!["orders"]?.AsArray().Count ?? 0;

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
