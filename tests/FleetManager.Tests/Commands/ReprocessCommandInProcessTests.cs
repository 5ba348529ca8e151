using System.Text.RegularExpressions;
using FleetManager.Commands;
using FleetManager.Storage;
using FleetManager.Storage.Reprocessing;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>reprocess</c> run in-process: the reader's and the store's settings come from the <see cref="VerbEnvironment"/>
/// the test gives and the summary goes to its output writer, without starting a process.
/// </summary>
public sealed partial class ReprocessCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_AllWithTheSameReader_EveryProcessedMessageUnchanged()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None));
        var processed = OrderBookProbe.Sqlite(db).Count("SELECT count(*) FROM ledger WHERE status = 'processed'");
        _verb.Out.GetStringBuilder().Clear();

        var exitCode = await ReprocessCommand.RunAsync(_verb.Environment(), new ReprocessSelection { IncludeProcessed = true }, db, "rules", verbose: false, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        var summary = _verb.Out.ToString();
        Assert.StartsWith($"Reprocessed {processed} messages in {db} (reader rules)", summary, StringComparison.Ordinal);
        Assert.Equal(processed.ToString(System.Globalization.CultureInfo.InvariantCulture), Unchanged().Match(summary).Groups["count"].Value);
    }

    [Fact]
    public async Task RunAsync_BookMissing_StoreErrorExit4InOneLineAndNoFileCreated()
    {
        var db = _verb.Temp.File("missing.db");

        var failure = await Assert.ThrowsAsync<OrderBookUnavailableException>(() =>
            ReprocessCommand.RunAsync(_verb.Environment(), new ReprocessSelection(), db, "rules", verbose: false, CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
        Assert.False(File.Exists(db));
    }

    [GeneratedRegex(@"unchanged\s+(?<count>\d+)")]
    private static partial Regex Unchanged();
}
