using FleetManager.StandIns;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>--reader gemini</c> as a user runs it: configuration errors, and an import that meets a spent daily quota.</summary>
public sealed class ModelReaderCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("extract")]
    [InlineData("import")]
    [InlineData("eval")]
    public async Task ReaderGemini_WithoutKey_OneLineNamingTheVariablesAndExitFive(string verb)
    {
        var info = CliProcess.StartInfo(verb, RepoPaths.Samples, "--reader", "gemini", "--db", _temp.File("book.db"));
        info.Environment.Remove("GEMINI_API_KEY");
        info.Environment.Remove("FLEETMANAGER__GEMINI__APIKEY");
        if (verb != "import")
        {
            info.ArgumentList.Remove("--db");
            info.ArgumentList.Remove(_temp.File("book.db"));
        }

        var result = await Run(info);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("GEMINI_API_KEY", line);
        Assert.Contains("FLEETMANAGER__GEMINI__APIKEY", line);
        Assert.False(File.Exists(_temp.File("book.db")));
    }

    [Fact]
    public async Task Import_DailyQuotaSpentMidway_PausesCleanlyAndALaterRunFinishes()
    {
        await using var gemini = new GeminiStandIn { ApiKey = "k", Answer = CorpusAnswers.FromDirectory(RepoPaths.Samples) };
        await gemini.StartAsync();
        // Three answers, then the day's quota is spent.
        gemini.Faults.Enqueue(new Fault.Delay(TimeSpan.Zero), new Fault.Delay(TimeSpan.Zero), new Fault.Delay(TimeSpan.Zero));
        gemini.Faults.FailRandomly(1.0, _ => GeminiStandIn.DailyQuotaExhausted());
        var db = _temp.File("book.db");

        var first = await Run(Import(gemini, db));

        Assert.Equal(7, first.ExitCode);
        Assert.Contains("stopped:", first.StdErr);
        Assert.Contains("GenerateRequestsPerDayPerProjectPerModel-FreeTier", first.StdErr);
        Assert.DoesNotContain("quarantined", first.StdErr);

        gemini.Faults.FailRandomly(0, _ => new Fault.Reset());
        var second = await Run(Import(gemini, db));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("model calls", second.StdOut);
        var third = await Run(Import(gemini, db));
        Assert.Contains("Nothing new", third.StdOut);
    }

    [Fact]
    public async Task Import_GeminiRejectsTheKey_ExitsSixQuarantinesNothingAndARunWithTheRightKeyReadsEverything()
    {
        await using var gemini = new GeminiStandIn { ApiKey = "k", Answer = CorpusAnswers.FromDirectory(RepoPaths.Samples) };
        await gemini.StartAsync();
        var db = _temp.File("book.db");
        var wrong = Import(gemini, db);
        wrong.Environment["GEMINI_API_KEY"] = "not-the-key";

        var first = await Run(wrong);

        Assert.Equal(6, first.ExitCode);
        Assert.Contains("rejected the API key", first.StdErr);
        Assert.DoesNotContain("quarantined:", first.StdErr);
        Assert.DoesNotContain("   at ", first.StdErr);
        var second = await Run(Import(gemini, db));
        Assert.Equal(0, second.ExitCode);
        // The first run quarantined nothing: the second reads the rest and quarantines none either.
        Assert.Matches(@"quarantined\s+0\b", second.StdOut);
        Assert.Matches(@"orders\s+[1-9]", second.StdOut);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("import")]
    public async Task ReaderOpenAi_NothingConfigured_SaysNotConfiguredExitsFiveWithoutCallingAnything(string verb)
    {
        var info = CliProcess.StartInfo(verb, RepoPaths.Samples, "--reader", "openai");
        if (verb == "import")
        {
            info.ArgumentList.Add("--db");
            info.ArgumentList.Add(_temp.File("book.db"));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Run(info);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not configured", line);
        Assert.Contains("FLEETMANAGER__OPENAI__APIKEY", line);
        Assert.False(File.Exists(_temp.File("book.db")));
        // The old behaviour retried the public endpoint for about 15 s before failing.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), started.Elapsed.ToString());
    }

    [Fact]
    public async Task Extract_GeminiUnreachable_OneLinePerRetryThenOneErrorLineWithItsFixNoStackTrace()
    {
        var info = CliProcess.StartInfo("extract", Path.Combine(RepoPaths.Samples, "01-en-booking-felixstowe-suchylas.eml"), "--reader", "gemini");
        info.Environment["GEMINI_API_KEY"] = "k";
        // Nothing listens there: every attempt is refused.
        info.Environment["FLEETMANAGER__GEMINI__BASEURL"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/";
        info.Environment["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010";

        var result = await Run(info);

        Assert.Equal(7, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The default four retries, each said as it starts (a verb waiting on a busy model is not silent), and
        // Polly's own log of the attempts is not there.
        Assert.Equal(5, lines.Length);
        for (var retry = 1; retry <= 4; retry++)
        {
            Assert.Matches($@"^warning: Gemini did not answer \(could not connect\): retry {retry} of 4 in \d+ ms$", lines[retry - 1]);
        }

        Assert.StartsWith("error: Gemini could not be reached after the retries: ", lines[4], StringComparison.Ordinal);
        Assert.EndsWith(". Check the network and BaseUrl, then run again", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderKindSetting_WithoutReaderOption_ChoosesTheModelReader()
    {
        var info = CliProcess.StartInfo("extract", RepoPaths.Samples);
        info.Environment["FLEETMANAGER__READER__KIND"] = "gemini";
        info.Environment.Remove("GEMINI_API_KEY");
        info.Environment.Remove("FLEETMANAGER__GEMINI__APIKEY");

        var result = await Run(info);

        // Reader:Kind chose Gemini, which then says its key is missing: the setting is not ignored.
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("GEMINI_API_KEY", result.StdErr);
    }

    private static System.Diagnostics.ProcessStartInfo Import(GeminiStandIn gemini, string db)
    {
        var info = CliProcess.StartInfo("import", RepoPaths.Samples, "--reader", "gemini", "--db", db, "--quiet");
        info.Environment["GEMINI_API_KEY"] = "k";
        info.Environment["FLEETMANAGER__GEMINI__BASEURL"] = gemini.BaseAddress.AbsoluteUri;
        info.Environment["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000";
        info.Environment["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010";
        return info;
    }

    private static async Task<CliProcess.Result> Run(System.Diagnostics.ProcessStartInfo info)
    {
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _temp.Dispose();
}
