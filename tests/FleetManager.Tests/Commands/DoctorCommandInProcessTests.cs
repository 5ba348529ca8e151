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
