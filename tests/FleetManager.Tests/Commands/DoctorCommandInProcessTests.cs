using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>doctor</c> run in-process over the service's composition: the checks read the configuration the test
/// gives (a <see cref="VerbEnvironment"/>) and print to its writer, without starting a process.
/// </summary>
public sealed class DoctorCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_BookImportedInProcess_PassesTheStoreAndIntegrityChecks()
    {
        var db = _verb.Temp.File("fm.db");
        var settings = new Dictionary<string, string?> { ["DataDir"] = _verb.Temp.Path };
        Assert.Equal(ExitCodes.Success, await ImportCommand.RunAsync(_verb.Environment(settings), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None));
        _verb.Out.GetStringBuilder().Clear();

        var exitCode = await DoctorCommand.RunAsync(_verb.Environment(settings), db, json: false, CancellationToken.None);

        var report = _verb.Out.ToString();
        Assert.True(exitCode == ExitCodes.Success, report);
        Assert.Contains("ok    store integrity: PRAGMA integrity_check: ok", report, StringComparison.Ordinal);
        Assert.StartsWith("All checks passed", report.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DataDirMissing_FailsThatCheckAndCreatesNothing()
    {
        var dataDir = _verb.Temp.File("data");

        var exitCode = await DoctorCommand.RunAsync(_verb.Environment(new() { ["DataDir"] = dataDir }), Path.Combine(dataDir, "fleetmanager.db"), json: false, CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, exitCode);
        Assert.Contains($"FAIL  data dir: {dataDir} does not exist", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDir), "doctor created the data folder");
    }

    [Theory]
    // A source of an unknown kind: the catalog of sources is read by the poll-age check too, which must not end the run.
    [InlineData("Sources:0:Kind", "pigeon", "Sources:0: Kind 'pigeon' is unknown (known: folder, gmail, imap).")]
    // The default inbox read by a model without its key.
    [InlineData("Reader:Kind", "gemini", "Reader 'gemini': Gemini:ApiKey is not set: set GEMINI_API_KEY or FLEETMANAGER__GEMINI__APIKEY (get a key at https://aistudio.google.com/apikey)")]
    // A sink's setting, which run checks at start as well (without the generated validator's member label).
    [InlineData("Sheets:SpreadsheetId", "https://docs.google.com/spreadsheets/d/x/edit", "Sheets:SpreadsheetId must be the id from the spreadsheet's URL (letters, digits, '-' and '_'), not the whole URL.")]
    public async Task RunAsync_ASettingRunRefuses_IsAFailedConfigurationLineAndTheOtherChecksStillRun(string key, string value, string failure)
    {
        var settings = new Dictionary<string, string?> { ["DataDir"] = _verb.Temp.Path, ["Sources:0:Name"] = "box", [key] = value };
        if (key != "Sources:0:Kind")
        {
            settings.Remove("Sources:0:Name");
        }

        var exitCode = await DoctorCommand.RunAsync(_verb.Environment(settings), _verb.Temp.File("fm.db"), json: false, CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, exitCode);
        var report = _verb.Out.ToString();
        Assert.Contains($"FAIL  configuration: {failure}", report, StringComparison.Ordinal);
        Assert.Contains("data dir: ", report, StringComparison.Ordinal);
        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task RunAsync_LibraryLogLinesAskedFor_GoToTheEnvironmentsErrorWriterAndTheReportToItsOutput()
    {
        var closed = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = _verb.Temp.Path,
            ["Gemini:BaseUrl"] = closed,
            // The HTTP client's request lines are below the doctor's Warning; the configuration may ask for them.
            ["Logging:LogLevel:System.Net.Http.HttpClient.doctor.LogicalHandler"] = "Information",
        };

        var exitCode = await DoctorCommand.RunAsync(_verb.Environment(settings), _verb.Temp.File("fm.db"), json: false, CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, exitCode);
        Assert.Contains($"Start processing HTTP request GET {closed}/", _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Start processing HTTP request", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("endpoint Gemini:BaseUrl", _verb.Out.ToString(), StringComparison.Ordinal);
    }
}
