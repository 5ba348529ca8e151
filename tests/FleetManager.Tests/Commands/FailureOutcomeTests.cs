using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FleetManager.StandIns.GoogleGeocoding;
using FleetManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// The failures a newcomer met as stack traces (exit 134) or wrong outcomes, each driven through the real
/// executable: one line saying what to do, and the documented exit code.
/// </summary>
public sealed class FailureOutcomeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("orders", "list")]
    [InlineData("doctor")]
    [InlineData("import", "--source", "imap")]
    [InlineData("extract", "nothing.eml")]
    public async Task AnyVerb_MalformedAppsettings_NamesFileAndLineExitsFive(params string[] args)
    {
        await File.WriteAllTextAsync(_temp.File("appsettings.json"), "{\n  \"Reader\": {\n    \"Kind\": \"rules\",,\n  }\n}\n");
        var info = CliProcess.StartInfo(args);
        info.WorkingDirectory = _temp.Path;

        var result = await CliProcess.RunAsync(info);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains("appsettings.json", line);
        Assert.Contains("line 3", line);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task AnyVerb_ConfigFileNamedByVariableMissing_NamesItExitsFive()
    {
        var missing = _temp.File("nowhere.json");

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["FLEETMANAGER_CONFIG"] = missing }, "import", RepoPaths.Samples, "--db", _temp.File("book.db"), "-q");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("nowhere.json", Assert.Single(Lines(result.StdErr)));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Import_UnknownSourceKind_ExitsTwoNamingTheChoices()
    {
        var result = await CliProcess.RunAsync("import", "--source", "pop3", "--db", _temp.File("book.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pop3", result.StdErr);
        Assert.Single(Lines(result.StdErr), l => l.StartsWith("error:", StringComparison.Ordinal));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task ImportImap_ServerUnreachable_ExitsSevenWithOneLine()
    {
        var port = FreeTcpPort.Next();
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__IMAP__HOST"] = "127.0.0.1",
            ["FLEETMANAGER__IMAP__PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FLEETMANAGER__IMAP__USERNAME"] = "dispatch",
            ["FLEETMANAGER__IMAP__PASSWORD"] = "secret-password",
            ["FLEETMANAGER__IMAP__CONNECTTIMEOUT"] = "00:00:05",
        };

        var result = await CliProcess.RunAsync(environment, "import", "--source", "imap", "--db", _temp.File("book.db"), "-q");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("127.0.0.1", result.StdErr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_PortInUse_OneLineNamingServiceUrlsExitsFive()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SERVICE__URLS"] = $"http://127.0.0.1:{port}",
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = Directory.CreateDirectory(_temp.File("inbox")).FullName,
        };

        var result = await CliProcess.RunAsync(environment, "run", "--db", _temp.File("book.db"));

        Assert.Equal(5, result.ExitCode);
        var error = Assert.Single(Lines(result.StdErr), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("Service:Urls", error);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Import_GeocodingKeyRejected_StopsBeforeCommitQuarantinesNothingAndAFixedRunReadsEverything()
    {
        await using var google = new GoogleGeocodingStandIn();
        await google.StartAsync();
        var inbox = _temp.File("inbox");
        var count = SampleMessages.CopyTo(inbox, 15);
        var db = _temp.File("book.db");
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__GEOCODING__PROVIDER"] = "google",
            ["GOOGLE_MAPS_API_KEY"] = "a-rejected-key",
            ["FLEETMANAGER__GEOCODING__GOOGLE__BASEURL"] = google.BaseAddress.AbsoluteUri,
        };

        var rejected = await CliProcess.RunAsync(environment, "import", inbox, "--db", db, "-q");

        Assert.Equal(5, rejected.ExitCode);
        Assert.Contains("GOOGLE_MAPS_API_KEY", rejected.StdErr);
        Assert.DoesNotContain("quarantined:", rejected.StdErr);
        AssertNoStackTrace(rejected);
        Assert.Equal(0L, File.Exists(db) ? Scalar(db, "SELECT count(*) FROM ledger WHERE status = 'quarantined'") : 0L);

        environment["GOOGLE_MAPS_API_KEY"] = GoogleGeocodingStandIn.DefaultApiKey;
        var fixedKey = await CliProcess.RunAsync(environment, "import", inbox, "--db", db, "-q");

        Assert.True(fixedKey.ExitCode == 0, fixedKey.StdErr);
        Assert.DoesNotContain("Nothing new", fixedKey.StdOut);
        Assert.Equal((long)count, Scalar(db, "SELECT count(*) FROM ledger WHERE status = 'processed'"));
    }

    [Fact]
    public async Task UnknownVerb_PrintsOneError()
    {
        var result = await CliProcess.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(Lines(result.StdErr), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--from", "01.12.2026", "YYYY-MM-DD")]
    [InlineData("--to", "12/01/2026", "YYYY-MM-DD")]
    [InlineData("--limit", "-3", "--limit")]
    [InlineData("--limit", "0", "at least 1")]
    [InlineData("--limit", "many", "at least 1")]
    public async Task OrdersList_BadFilterValue_ExitsTwoSayingWhatIsExpectedWithoutTypeNames(string option, string value, string expected)
    {
        var result = await CliProcess.RunAsync("orders", "list", option, value, "--db", _temp.File("book.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StdErr);
        Assert.DoesNotContain("System.", result.StdErr);
    }

    [Fact]
    public async Task OrdersShow_IdNotANumber_ExitsTwoWithoutTypeNames()
    {
        var result = await CliProcess.RunAsync("orders", "show", "abc", "--db", _temp.File("book.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("order id", result.StdErr);
        Assert.DoesNotContain("System.", result.StdErr);
    }

    [Fact]
    public async Task Import_DatabaseFolderMissing_ExitsFourAndCreatesNoFolder()
    {
        var db = Path.Combine(_temp.Path, "nonexistent", "dir", "x.db");

        var result = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "-q");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("does not exist", result.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "nonexistent")));
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("orders")]
    public async Task AnyVerb_DatabaseIsADirectory_SaysSoExitsFour(string verb)
    {
        var folder = Directory.CreateDirectory(_temp.File("somedir")).FullName;
        string[] args = verb == "import" ? ["import", RepoPaths.Samples, "--db", folder, "-q"] : ["orders", "list", "--db", folder];

        var result = await CliProcess.RunAsync(args);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("is a directory", result.StdErr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Eval_MissingFolder_ExitsThree()
    {
        var result = await CliProcess.RunAsync("eval", _temp.File("no-corpus"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no-corpus", result.StdErr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(CliProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.StdErr);
        Assert.DoesNotContain("Unhandled exception", result.StdErr);
        Assert.NotEqual(134, result.ExitCode);
    }

    private static long Scalar(string db, string sql) => Convert.ToInt64(ScalarObject(db, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(string db, string sql) => ScalarObject(db, sql) as string;

    private static object? ScalarObject(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
