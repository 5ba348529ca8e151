using System.Text;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// The <c>Limits</c> section (docs/limits.md) through the real executable: a configured limit is the one every
/// verb that parses mail applies, and a limit that cannot be meant is one line naming the setting, exit 5.
/// </summary>
public sealed class MailLimitsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("FLEETMANAGER__LIMITS__MAXMIMEDEPTH", "2", "Limits:MaxMimeDepth")]
    [InlineData("FLEETMANAGER__LIMITS__MAXMESSAGEBYTES", "1024", "Limits:MaxMessageBytes")]
    public async Task Import_ConfiguredLowerLimit_QuarantinesWhatTheDefaultAccepts(string variable, string value, string setting)
    {
        var inbox = WriteOrderMessage();

        var accepted = await CliProcess.RunAsync("import", inbox, "--db", _temp.File("default.db"), "-q", "--strict");
        var limited = await CliProcess.RunAsync(new Dictionary<string, string> { [variable] = value }, "import", inbox, "--db", _temp.File("limited.db"), "-q", "--strict");

        Assert.True(accepted.ExitCode == 0, accepted.StdErr);
        Assert.Equal(1, limited.ExitCode);
        var reason = Assert.Single(Lines(limited.StdErr), l => l.StartsWith("quarantined:", StringComparison.Ordinal));
        Assert.Contains(setting, reason, StringComparison.Ordinal);
        Assert.Equal(1, OrderBookProbe.Sqlite(_temp.File("limited.db")).Count("SELECT count(*) FROM ledger WHERE status = 'quarantined'"));
    }

    [Fact]
    public async Task Extract_ConfiguredLowerLimit_ReportsTheMessageQuarantined()
    {
        var inbox = WriteOrderMessage();

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["FLEETMANAGER__LIMITS__MAXMIMEDEPTH"] = "2" }, "extract", inbox, "--format", "jsonl");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Limits:MaxMimeDepth", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocess_LimitRaisedAfterQuarantine_ReadsTheMessageAgain()
    {
        var inbox = WriteOrderMessage();
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync(new Dictionary<string, string> { ["FLEETMANAGER__LIMITS__MAXMIMEDEPTH"] = "2" }, "import", inbox, "--db", db, "-q");
        Assert.True(import.ExitCode == 0, import.StdErr);
        var probe = OrderBookProbe.Sqlite(db);
        Assert.Equal(1, probe.Count("SELECT count(*) FROM ledger WHERE status = 'quarantined'"));

        var reprocess = await CliProcess.RunAsync(new Dictionary<string, string> { ["FLEETMANAGER__LIMITS__MAXMIMEDEPTH"] = "8" }, "reprocess", "--db", db);

        Assert.True(reprocess.ExitCode == 0, reprocess.StdErr);
        Assert.Equal(0, probe.Count("SELECT count(*) FROM ledger WHERE status = 'quarantined'"));
        Assert.Equal(1, probe.Count("SELECT count(*) FROM orders"));
    }

    [Theory]
    [InlineData("MAXPDFPAGES", "0", "Limits:MaxPdfPages")]
    [InlineData("MAXMESSAGEBYTES", "-5", "Limits:MaxMessageBytes")]
    [InlineData("MAXINFLATEDBYTES", "1000000000000000", "Limits:MaxInflatedBytes")]
    [InlineData("MAXTEXTLENGTH", "2000000000", "Limits:MaxTextLength")]
    [InlineData("MAXMIMEDEPTH", "deep", "Limits:MaxMimeDepth")]
    public async Task Import_InvalidLimit_ExitsFiveNamingTheSetting(string key, string value, string setting)
    {
        var inbox = WriteOrderMessage();
        var db = _temp.File("book.db");

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["FLEETMANAGER__LIMITS__" + key] = value }, "import", inbox, "--db", db, "-q");

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "a configuration error must stop before the order book is created");
    }

    [Theory]
    [InlineData("extract", "INBOX")]
    [InlineData("eval", "INBOX")]
    [InlineData("reprocess", "--db", "DB")]
    [InlineData("poll", "--once", "--db", "DB")]
    [InlineData("run", "--db", "DB")]
    [InlineData("doctor", "--db", "DB")]
    public async Task AnyMailVerb_InvalidLimit_NamesTheSettingWithoutAStackTrace(params string[] args)
    {
        var inbox = WriteOrderMessage();
        var arguments = args.Select(a => a switch { "INBOX" => inbox, "DB" => _temp.File("book.db"), _ => a }).ToArray();
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__LIMITS__MAXMIMEDEPTH"] = "0",
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
            ["DATA_DIR"] = _temp.Path,
        };

        var result = await CliProcess.RunAsync(environment, arguments);

        // doctor reports a failed check (exit 1) like every other finding; every other verb stops with exit 5.
        Assert.Equal(args[0] == "doctor" ? 1 : 5, result.ExitCode);
        Assert.Contains("Limits:MaxMimeDepth", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>
    /// One transport order inside four nested multiparts, padded with relay headers to about 6 KB: within every default
    /// limit, past a lowered MaxMimeDepth or MaxMessageBytes.
    /// </summary>
    private string WriteOrderMessage()
    {
        var inbox = Path.Combine(_temp.Path, "inbox");
        Directory.CreateDirectory(inbox);
        var message = new StringBuilder()
            .Append("From: dispo@spedition-nord.example\r\nTo: orders@example.com\r\nSubject: Transportauftrag 4711\r\n")
            .Append("Message-ID: <limits-4711@limits.test>\r\nDate: Tue, 01 Dec 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < 50; i++)
        {
            message.Append("X-Relay-").Append(i).Append(": ").Append('r', 100).Append("\r\n");
        }

        const int Depth = 4;
        for (var level = 0; level < Depth; level++)
        {
            message.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"b{level}\"\r\n\r\n--b{level}\r\n");
        }

        message.Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append("Sehr geehrte Damen und Herren,\r\nhiermit beauftragen wir Sie mit folgendem Transport:\r\n\r\n")
            .Append("Auftragsnummer: 4711\r\nLadestelle: Musterfirma GmbH, Hafenstrasse 5, 20457 Hamburg\r\nLadedatum: 14.12.2026 08:00-12:00\r\n")
            .Append("Entladestelle: Beispiel AG, Industriestrasse 10, 1230 Wien\r\nEntladedatum: 15.12.2026\r\n")
            .Append("Ware: 12 Paletten Maschinenteile, 12.000 kg\r\nPreis: 1.450,00 EUR\r\n\r\nMit freundlichen Gruessen\r\nDisposition\r\n");
        for (var level = Depth - 1; level >= 0; level--)
        {
            message.Append(System.Globalization.CultureInfo.InvariantCulture, $"--b{level}--\r\n");
        }

        File.WriteAllText(Path.Combine(inbox, "order.eml"), message.ToString());
        return inbox;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
