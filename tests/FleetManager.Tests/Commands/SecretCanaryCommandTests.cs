using System.Text;
using FleetManager.StandIns;
using FleetManager.StandIns.Gemini;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Issue 12 §4: a configured secret that an upstream error echoes back never reaches standard output,
/// standard error or the order book file — for <c>import</c> and for <c>poll</c>.
/// </summary>
public sealed class SecretCanaryCommandTests : IDisposable
{
    private const string Canary = "AIzaCANARY-0123456789-secret";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A Gemini stand-in that refuses every request with a body quoting the request's key header, as some proxies do.</summary>
    private static async Task<GeminiStandIn> EchoingGeminiAsync()
    {
        var gemini = new GeminiStandIn { ApiKey = Canary };
        await gemini.StartAsync();
        gemini.Faults.FailRandomly(1.0, _ => new Fault.Status(400,
            GoogleErrorBody.Of(400, "INVALID_ARGUMENT", $"Request rejected. Headers: x-goog-api-key: {Canary}; content-type: application/json")));
        return gemini;
    }

    private static void UseGemini(System.Diagnostics.ProcessStartInfo info, GeminiStandIn gemini)
    {
        info.Environment["GEMINI_API_KEY"] = Canary;
        info.Environment["FLEETMANAGER__GEMINI__BASEURL"] = gemini.BaseAddress.AbsoluteUri;
        info.Environment["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000";
        info.Environment["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010";
    }

    private void AssertNoCanary(CliProcess.Result result, string db)
    {
        Assert.DoesNotContain(Canary, result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.StdErr, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(_temp.Path, Path.GetFileName(db) + "*"))
        {
            // The ledger's quarantine reasons (and anything else in the file or its WAL).
            Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_ModelErrorEchoesTheApiKey_KeyNeitherPrintedNorStored()
    {
        await using var gemini = await EchoingGeminiAsync();
        var db = _temp.File("book.db");
        var info = CliProcess.StartInfo("import", RepoPaths.Samples, "--reader", "gemini", "--db", db, "--quiet");
        UseGemini(info, gemini);

        var result = await CliProcess.RunAsync(info);

        Assert.NotEmpty(gemini.Requests);
        Assert.Contains("Request rejected", result.StdOut + result.StdErr + Encoding.UTF8.GetString(File.ReadAllBytes(db)), StringComparison.Ordinal);
        AssertNoCanary(result, db);
    }

    [Fact]
    public async Task PollOnce_ModelErrorEchoesTheApiKey_KeyNeitherPrintedNorStored()
    {
        await using var gemini = await EchoingGeminiAsync();
        var mail = _temp.File("mail");
        SampleMessages.CopyTo(mail, 2);
        var db = _temp.File("book.db");
        var info = CliProcess.StartInfo("poll", "--once", "--db", db);
        UseGemini(info, gemini);
        info.Environment["FLEETMANAGER__SOURCES__0__NAME"] = "inbox";
        info.Environment["FLEETMANAGER__SOURCES__0__KIND"] = "folder";
        info.Environment["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail;
        info.Environment["FLEETMANAGER__SOURCES__0__READER"] = "gemini";
        info.Environment["FLEETMANAGER__LOGGING__LOGLEVEL__DEFAULT"] = "Debug";

        var result = await CliProcess.RunAsync(info);

        Assert.NotEmpty(gemini.Requests);
        AssertNoCanary(result, db);
    }
}
