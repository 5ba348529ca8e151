using FleetManager.Commands;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>corrections export</c> run in-process: the store's settings come from the <see cref="VerbEnvironment"/> the
/// test gives and the summary goes to its writers, without starting a process.
/// </summary>
public sealed class CorrectionsCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task Run_AllFromASampleBook_WritesOnePairPerProcessedMessage()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None));
        var processed = OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM ledger WHERE status = 'processed'");
        _verb.Out.GetStringBuilder().Clear();
        var corpus = new DirectoryInfo(_verb.Temp.File("corpus"));

        var exitCode = await CorrectionsCommand.RunAsync(corpus, everyMessage: true, force: false, db, _verb.Environment(), CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.StartsWith($"Exported {processed} messages to {corpus.FullName}", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(processed, Directory.GetFiles(corpus.FullName, "*.expected.json").Length);
    }

    [Fact]
    public async Task Run_BookMissing_StoreErrorExit4InOneLineAndNoFolder()
    {
        var db = _verb.Temp.File("missing.db");
        var corpus = new DirectoryInfo(_verb.Temp.File("corpus"));

        var failure = await Assert.ThrowsAsync<OrderBookUnavailableException>(async () =>
            await CorrectionsCommand.RunAsync(corpus, everyMessage: false, force: false, db, _verb.Environment(), CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(corpus.FullName));
    }
}
