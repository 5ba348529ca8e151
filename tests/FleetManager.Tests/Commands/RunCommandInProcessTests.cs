using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>run</c> run in-process: the service's sources and settings come from the <see cref="VerbEnvironment"/> the test
/// gives (no environment variable of this machine), and a token stops it as SIGTERM would, without starting a process.
/// </summary>
public sealed class RunCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_FolderSourceFromTheSettings_CommitsEachMessageAnswersLiveLogsToTheEnvironmentsOutputAndExitsZeroWhenStopped()
    {
        var mail = _verb.Temp.File("mail");
        var count = SampleMessages.CopyTo(mail, 3);
        var db = _verb.Temp.File("fm.db");
        var url = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = _verb.Temp.Path,
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
            ["Service:Urls"] = url,
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var running = RunCommand.RunAsync(_verb.Environment(settings), db, stop.Token);
        await WaitUntilAsync(() => Committed(db) == count, running);
        using var health = new StringWriter();
        var live = await HealthcheckCommand.RunAsync(new VerbEnvironment(_verb.Environment(settings).Configuration, health, health), url: null, ready: false, CancellationToken.None);
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.True(live == ExitCodes.Success, health.ToString());
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(count, SourcePollingServiceTestsAccess.LedgerRows(db));
        // The service's log lines (Information by default) went to the environment's output, not the process's console.
        var log = _verb.Out.ToString();
        Assert.Contains("Source inbox (folder) starts", log, StringComparison.Ordinal);
        Assert.Contains($"Now listening on: {url}", log, StringComparison.Ordinal);
        Assert.Contains("Source inbox stopped; lease released", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SettingDoesNotParse_ConfigurationErrorExit5InOneLineBeforeListening()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Service:Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["Service:ShutdownTimeout"] = "banana",
        };

        var line = await ConfigurationErrorLineAsync(settings);
        Assert.StartsWith("error: configuration: Failed to convert configuration value 'banana' at 'Service:ShutdownTimeout'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoSourceOnAFreshDataDir_CreatesTheDefaultInboxAndItsFirstPollSucceeds()
    {
        var dataDir = Directory.CreateDirectory(_verb.Temp.File("data")).FullName;
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = dataDir,
            ["Service:Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var running = RunCommand.RunAsync(_verb.Environment(settings), Path.Combine(dataDir, "fleetmanager.db"), stop.Token);
        await WaitUntilAsync(() => _verb.Out.ToString().Contains("Poll of inbox", StringComparison.Ordinal), running);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await running);
        Assert.True(Directory.Exists(Path.Combine(dataDir, "inbox")));
        Assert.Contains("Poll of inbox done", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0", false, null, true)]
    [InlineData("0.0.0.0", true, null, false)]
    [InlineData("0.0.0.0", false, "10.0.0.5", false)]
    [InlineData("127.0.0.1", false, null, false)]
    public async Task RunAsync_DashboardBeyondLoopbackWithoutUsers_LogsThatNobodyCanSignInUnlessAUserOrAProxyCan(string host, bool withUser, string? trustedProxy, bool warns)
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        if (withUser)
        {
            var typed = _verb.Environment() with { Input = new StringReader("a-long-enough-password\n") };
            Assert.Equal(ExitCodes.Success, await UsersCommand.AddAsync(typed, "dora", "dispatcher", passwordFromStandardInput: true, db, CancellationToken.None));
        }

        var urls = $"http://{host}:{FreeTcpPort.Next()}";
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = _verb.Temp.Path,
            ["Service:Urls"] = urls,
        };
        if (trustedProxy is not null)
        {
            settings["Dashboard:TrustedProxies:0"] = trustedProxy;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var running = RunCommand.RunAsync(_verb.Environment(settings), db, stop.Token);
        await WaitUntilAsync(() => _verb.Out.ToString().Contains("Poll of inbox", StringComparison.Ordinal), running);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await running);
        var warning = $"The dashboard listens on {urls} but {db} has no users, so nobody can sign in from another machine. "
            + "Add one with 'fleetmanager users add NAME --role dispatcher' (or set Dashboard:TrustedProxies for a sign-in proxy).";
        Assert.Equal(warns ? 1 : 0, _verb.Out.ToString().Split('\n').Count(line => line.Contains(warning, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_HttpsUrl_ConfigurationErrorExit5SendingTlsToTheFrontProxy()
    {
        var line = await ConfigurationErrorLineAsync(new Dictionary<string, string?> { ["Service:Urls"] = "https://0.0.0.0:8443" });

        Assert.StartsWith("error: configuration: Service:Urls: 'https://0.0.0.0:8443' asks for HTTPS, which FleetManager leaves to a front proxy", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LogLevelIsNoLevel_ConfigurationErrorExit5NamingTheSettingInOneLine()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Service:Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["Logging:LogLevel:Default"] = "verbose",
        };

        var line = await ConfigurationErrorLineAsync(settings);
        Assert.Equal(
            "error: Logging:LogLevel:Default (LOG_LEVEL) is 'verbose', which is not a log level. "
            + "Set it to Trace, Debug, Information, Warning, Error, Critical or None (LOG_LEVEL also takes the old tool's INFO, WARN and FATAL).",
            line);
    }

    [Fact]
    public async Task RunAsync_DefaultInboxReadByAModelWithoutItsKey_ConfigurationErrorExit5InOneLineBeforeListening()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = _verb.Temp.Path,
            ["Service:Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["Reader:Kind"] = "gemini",
        };

        var line = await ConfigurationErrorLineAsync(settings);
        Assert.StartsWith("error: configuration: Reader 'gemini': Gemini:ApiKey is not set: set GEMINI_API_KEY", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HybridReader_ReadsTheDefaultInboxWithTheRulesEngineFirst()
    {
        var dataDir = Directory.CreateDirectory(_verb.Temp.File("data")).FullName;
        var count = SampleMessages.CopyTo(Path.Combine(dataDir, "inbox"), 3);
        var db = Path.Combine(dataDir, "fleetmanager.db");
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = dataDir,
            ["Service:Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["Reader:Kind"] = "hybrid",
            // The model's key is checked at start; with a threshold of 0 only a message the rules find no order in
            // would reach it, and nothing listens at its address.
            ["Gemini:ApiKey"] = "stand-in-key",
            ["Gemini:BaseUrl"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
            ["Reader:HybridThreshold"] = "0",
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var running = RunCommand.RunAsync(_verb.Environment(settings), db, stop.Token);
        await WaitUntilAsync(() => Committed(db) == count, running);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Success, await running);
        Assert.Contains("reader hybrid", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The one error line of a run refused for its settings; asserts exit 5 and that it is the only line.</summary>
    private async Task<string> ConfigurationErrorLineAsync(Dictionary<string, string?> settings)
    {
        var failure = await Record.ExceptionAsync(() => RunCommand.RunAsync(_verb.Environment(settings), _verb.Temp.File("fm.db"), CancellationToken.None));
        var exitCode = CommandLine.Report(Assert.IsAssignableFrom<Exception>(failure), _verb.Error);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        return Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The ledger's rows; none while the service has not created the book yet.</summary>
    private static long Committed(string db)
    {
        try
        {
            return File.Exists(db) ? SourcePollingServiceTestsAccess.LedgerRows(db) : 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Waits for <paramref name="condition"/> while the service runs; fails when it ends first or after a minute.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, Task running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            Assert.False(running.IsCompleted, "the service stopped before committing the messages");
            Assert.True(DateTime.UtcNow < deadline, "the messages were not committed within a minute");
            await Task.Delay(100);
        }
    }
}
