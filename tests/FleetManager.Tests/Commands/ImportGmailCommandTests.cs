using System.Text;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>import --source gmail</c> as a user runs it, against the Gmail and OAuth stand-ins.</summary>
public sealed class ImportGmailCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly GmailStandIn _gmail = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await _gmail.StartAsync();
        await _oauth.StartAsync();
        _gmail.TokenIssuer = _oauth;
        _environment = StandInGoogleCredential.Create(_temp, _oauth, "cli.apps.googleusercontent.com", "1//cli", "https://www.googleapis.com/auth/gmail.modify");
        _environment["FLEETMANAGER__GMAIL__BASEURL"] = _gmail.BaseAddress.ToString();
        _environment["FLEETMANAGER__GMAIL__RETRYBASEDELAY"] = "00:00:00.010";
    }

    [Fact]
    public async Task ImportSourceGmail_TwoRuns_ImportsThenFindsNothingNew()
    {
        for (var n = 1; n <= 3; n++)
        {
            _gmail.Deliver(Message(n), DateTimeOffset.UtcNow.AddHours(-n));
        }

        var db = _temp.File("book.db");

        var first = await CliProcess.RunAsync(_environment, "import", "--source", "gmail", "--db", db, "-q");
        var second = await CliProcess.RunAsync(_environment, "import", "--source", "gmail", "--db", db, "-q");

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Contains("messages read             3", first.StdOut, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains("Nothing new in gmail:me (2 Gmail quota units)", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSourceGmail_RefreshTokenRevoked_ExitsSixWithTheFix()
    {
        _oauth.RefreshTokens.Clear();

        var result = await CliProcess.RunAsync(_environment, "import", "--source", "gmail", "--db", _temp.File("book.db"), "-q");

        Assert.Equal(6, result.ExitCode);
        // One line: what went wrong and the fix.
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("fleetmanager auth google", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSourceGmail_ClientSecretGoogleDoesNotKnow_ExitsSixWithTheFix()
    {
        _oauth.Clients["cli.apps.googleusercontent.com"] = "the-secret-google-knows";

        var result = await CliProcess.RunAsync(_environment, "import", "--source", "gmail", "--db", _temp.File("book.db"), "-q");

        Assert.Equal(6, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("invalid_client", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_gmail.Requests);
    }

    [Fact]
    public async Task Import_PathsAndSource_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("import", _temp.Path, "--source", "gmail");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSourceGmail_NoCredentialsConfigured_ExitsFiveNamingTheSetting()
    {
        var result = await CliProcess.RunAsync("import", "--source", "gmail", "--db", _temp.File("book.db"));

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("GMAIL_CREDENTIALS_FILE", result.StdErr, StringComparison.Ordinal);
    }

    private static byte[] Message(int n) => Encoding.UTF8.GetBytes(
        $"From: a@example.com\r\nTo: dispatch@example.com\r\nSubject: Auftrag {n}\r\nMessage-ID: <cli-{n}@example.com>\r\n\r\nBeladung Berlin, Entladung Hamburg\r\n");

    public async Task DisposeAsync()
    {
        await _gmail.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();
}
