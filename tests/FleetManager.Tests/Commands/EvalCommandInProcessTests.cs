using System.Text.Json;
using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>eval</c> run in-process: the reader's settings come from the <see cref="VerbEnvironment"/> the test gives and
/// the report goes to its output writer, without starting a process.
/// </summary>
public sealed class EvalCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task Run_SampleCorpusAsJson_PrintsTheReportOfEveryLabelledMessage()
    {
        var pairs = Directory.GetFiles(RepoPaths.Samples, "*.expected.json").Length;

        var exitCode = await EvalCommand.RunAsync(_verb.Environment(), new DirectoryInfo(RepoPaths.Samples), json: true, verbose: false, reader: "rules", CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        using var report = JsonDocument.Parse(_verb.Out.ToString());
        Assert.Equal(pairs, report.RootElement.GetProperty("messages").GetInt32());
        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task Run_SampleCorpusAsTable_EndsWithTheFieldScores()
    {
        var exitCode = await EvalCommand.RunAsync(_verb.Environment(), new DirectoryInfo(RepoPaths.Samples), json: false, verbose: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = _verb.Out.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("field ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("fields                   precision ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingCorpusFolder_ExitsInputMissingWithOneLine()
    {
        var missing = new DirectoryInfo(_verb.Temp.File("no-corpus"));

        var exitCode = await EvalCommand.RunAsync(_verb.Environment(), missing, json: false, verbose: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal($"error: corpus folder '{missing.FullName}' does not exist (give a folder of NAME.eml + NAME.expected.json pairs)", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task Run_FileWhereTheCorpusFolderBelongs_SaysItIsAFile()
    {
        var file = _verb.Temp.File("one.eml");
        await File.WriteAllTextAsync(file, "Subject: x\r\n\r\nbody");

        var exitCode = await EvalCommand.RunAsync(_verb.Environment(), new DirectoryInfo(file), json: false, verbose: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal($"error: corpus folder '{file}' is a file, not a folder (give a folder of NAME.eml + NAME.expected.json pairs)", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task Run_FolderWithoutPairs_ExitsInputMissingWithOneLine()
    {
        var exitCode = await EvalCommand.RunAsync(_verb.Environment(), new DirectoryInfo(_verb.Temp.Path), json: false, verbose: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal($"error: '{_verb.Temp.Path}' holds no NAME.eml + NAME.expected.json pairs", _verb.Error.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("{\"classification\": ", "is not a valid expected result at line 1 ($.classification).")]
    [InlineData("{\"classification\":\"banana\",\"orders\":[]}", "is not a valid expected result at line 1 ($.classification).")]
    [InlineData("null", "holds null instead of an expected result.")]
    public async Task Run_AnExpectedResultThatIsNotTheSpecsJson_ExitsInputMissingWithOneLineNamingTheFile(string json, string problem)
    {
        var corpus = Directory.CreateDirectory(_verb.Temp.File("corpus")).FullName;
        File.Copy(Directory.EnumerateFiles(RepoPaths.Samples, "*.eml").First(), Path.Combine(corpus, "a.eml"));
        var expected = Path.Combine(corpus, "a.expected.json");
        await File.WriteAllTextAsync(expected, json);

        var failure = await Record.ExceptionAsync(() => EvalCommand.RunAsync(_verb.Environment(), new DirectoryInfo(corpus), json: false, verbose: false, reader: "rules", CancellationToken.None));
        var exitCode = CommandLine.Report(Assert.IsAssignableFrom<Exception>(failure), _verb.Error);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: '{expected}' {problem} Write it in the shape of order-format.md", line, StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
    }
}
