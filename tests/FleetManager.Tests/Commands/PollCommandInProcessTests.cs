using FleetManager.Commands;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>poll --once</c> run in-process: the sources come from the configuration the test gives (a
/// <see cref="VerbEnvironment"/>) and the verdicts and failures go to its error writer, without starting a process.
/// </summary>
public sealed class PollCommandInProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task RunAsync_FolderSourceWithMessages_ExitsZeroAndCommitsEachToTheBook()
    {
        var mail = _temp.File("mail");
        var count = SampleMessages.CopyTo(mail, 3);
        var db = _temp.File("fm.db");

        var exitCode = await PollCommand.RunAsync(Environment(FolderSource(mail)), db);

        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        Assert.Equal(count, SourcePollingServiceTestsAccess.LedgerRows(db));
    }

    [Fact]
    public async Task RunAsync_FolderMissing_ExitsConfigurationWithOneLineAndNoLedgerRow()
    {
        var db = _temp.File("fm.db");

        var exitCode = await PollCommand.RunAsync(Environment(FolderSource(_temp.File("nowhere"))), db);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var errorLines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines, l => l.Contains("does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains(_temp.File("nowhere"), line, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> FolderSource(string path) => new()
    {
        ["DataDir"] = _temp.Path,
        ["Sources:0:Name"] = "inbox",
        ["Sources:0:Kind"] = "folder",
        ["Sources:0:Folder:Path"] = path,
    };

    private VerbEnvironment Environment(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _out, _error);
}
