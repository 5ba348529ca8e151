using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>poll --once</c> run in-process: the sources come from the configuration the test gives (a
/// <see cref="VerbEnvironment"/>) and the verdicts and failures go to its error writer, without starting a process.
/// </summary>
public sealed class PollCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_FolderSourceWithMessages_ExitsZeroAndCommitsEachToTheBook()
    {
        var mail = _verb.Temp.File("mail");
        var count = SampleMessages.CopyTo(mail, 3);
        var db = _verb.Temp.File("fm.db");

        var exitCode = await PollCommand.RunAsync(_verb.Environment(FolderSource(mail)), db);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal(count, SourcePollingServiceTestsAccess.LedgerRows(db));
    }

    [Fact]
    public async Task RunAsync_FolderSourceWithMessages_LogLinesOnTheEnvironmentsErrorWriter()
    {
        var mail = _verb.Temp.File("mail");
        SampleMessages.CopyTo(mail, 2);

        var exitCode = await PollCommand.RunAsync(_verb.Environment(FolderSource(mail)), _verb.Temp.File("fm.db"));

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Contains("Poll of inbox done in ", _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task RunAsync_JsonLogFormat_OneJsonObjectPerLogLine()
    {
        var mail = _verb.Temp.File("mail");
        SampleMessages.CopyTo(mail, 1);
        var settings = FolderSource(mail);
        settings["Logging:Format"] = "json";

        var exitCode = await PollCommand.RunAsync(_verb.Environment(settings), _verb.Temp.File("fm.db"));

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        var logLines = _verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        Assert.Contains(logLines, l => l.Contains("Poll of inbox done in ", StringComparison.Ordinal));
        Assert.All(logLines, l => System.Text.Json.JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public async Task RunAsync_FolderMissing_ExitsConfigurationWithOneLineAndNoLedgerRow()
    {
        var db = _verb.Temp.File("fm.db");

        var exitCode = await PollCommand.RunAsync(_verb.Environment(FolderSource(_verb.Temp.File("nowhere"))), db);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var errorLines = _verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The log lines (warnings of the poll) share the writer; the failure is the one line that says "error:".
        var line = Assert.Single(errorLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains(_verb.Temp.File("nowhere"), line, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> FolderSource(string path) => new()
    {
        ["DataDir"] = _verb.Temp.Path,
        ["Sources:0:Name"] = "inbox",
        ["Sources:0:Kind"] = "folder",
        ["Sources:0:Folder:Path"] = path,
    };
}
