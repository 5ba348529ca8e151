using System.Text.Json;
using FleetManager.Commands;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>extract</c> run in-process: the reader's settings come from the <see cref="VerbEnvironment"/> the test gives and
/// the results go to its output writer, without starting a process.
/// </summary>
public sealed class ExtractCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_SampleMailboxAsJsonl_OneSpecObjectPerMessageOnTheOutputWriter()
    {
        var exitCode = await ExtractCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], "jsonl", geocode: false, reader: "rules", CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        var lines = _verb.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > Directory.GetFiles(RepoPaths.Samples, "*.eml").Length, "the sample mbox adds messages beyond the .eml files");
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.StartsWith("<", document.RootElement.GetProperty("message_id").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("orders").ValueKind);
        }

        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task RunAsync_FolderWithoutMailFiles_PrintsNothingAndSaysWhichFilesAFolderContributes()
    {
        var folder = Directory.CreateDirectory(_verb.Temp.File("pdfs")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "order.pdf"), "%PDF-1.4"u8.ToArray());

        var exitCode = await ExtractCommand.RunAsync(_verb.Environment(), [folder], "jsonl", geocode: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", _verb.Out.ToString());
        Assert.StartsWith($"note: no message found in '{folder}'", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SampleMailboxAsJsonl_NoNote()
    {
        Assert.Equal(ExitCodes.Success, await ExtractCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], "jsonl", geocode: false, reader: "rules", CancellationToken.None));

        Assert.DoesNotContain("note:", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonFormat_OneArrayOfEveryMessage()
    {
        var jsonlExit = await ExtractCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], "jsonl", geocode: false, reader: "rules", CancellationToken.None);
        var jsonlCount = _verb.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        _verb.Out.GetStringBuilder().Clear();

        var exitCode = await ExtractCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], "json", geocode: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, jsonlExit);
        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(_verb.Out.ToString());
        Assert.Equal(jsonlCount, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task RunAsync_GeminiAnsweringNoJson_QuarantinedLinesOnOutputAndTheReadersWarningsOnTheErrorWriter()
    {
        await using var gemini = new GeminiStandIn { ApiKey = "k", Answer = _ => ModelAnswer.Json("{not json") };
        await gemini.StartAsync();
        var eml = Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).First();
        var settings = new Dictionary<string, string?>
        {
            ["Gemini:ApiKey"] = "k",
            ["Gemini:BaseUrl"] = gemini.BaseAddress.AbsoluteUri,
            ["Gemini:RequestsPerMinute"] = "100000",
            ["Gemini:RetryBaseDelay"] = "00:00:00.010",
            ["Reader:PreFilter"] = "false",
        };

        var exitCode = await ExtractCommand.RunAsync(_verb.Environment(settings), [eml], "jsonl", geocode: false, reader: "gemini", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var line = JsonDocument.Parse(_verb.Out.ToString().Trim());
        Assert.True(line.RootElement.TryGetProperty("error", out _), "an unreadable answer quarantines the message");
        Assert.Contains("is invalid", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingPath_ExitsInputMissingWithOneLineAndNoOutput()
    {
        var missing = _verb.Temp.File("no-such.eml");

        var exitCode = await ExtractCommand.RunAsync(_verb.Environment(), [missing], "jsonl", geocode: false, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal($"error: '{missing}' does not exist (give .eml files, folders, Maildirs or mbox files)", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task RunAsync_OpenAiReaderNotInItsSettings_OneConfigurationLineExit5AndNoOutput()
    {
        var failure = await Record.ExceptionAsync(() =>
            ExtractCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], "jsonl", geocode: false, reader: "openai", CancellationToken.None));
        var exitCode = CommandLine.Report(Assert.IsAssignableFrom<Exception>(failure), _verb.Error);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not configured", line, StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
    }
}
