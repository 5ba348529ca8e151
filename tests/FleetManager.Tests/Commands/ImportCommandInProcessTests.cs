using FleetManager.Commands;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>import</c> run in-process: the verb reads its settings and writes its output through a
/// <see cref="VerbEnvironment"/>, so a test gives it a configuration of its own (no environment variable of
/// this machine leaks in) and reads what it printed, without starting a process.
/// </summary>
public sealed class ImportCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_SampleMailboxTwice_ImportsOnceThenSaysNothingNew()
    {
        var db = _verb.Temp.File("fm.db");

        var first = await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, first);
        var summary = _verb.Out.ToString();
        Assert.Contains($"Imported into {db}", summary, StringComparison.Ordinal);
        Assert.Contains("messages read", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(db));

        _verb.Out.GetStringBuilder().Clear();
        var second = await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, second);
        Assert.StartsWith("Nothing new: all ", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains($"were already in {db}; nothing added.", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingPath_ExitsInputMissingWithOneLineAndNoBook()
    {
        var db = _verb.Temp.File("fm.db");
        var missing = _verb.Temp.File("no-such-folder");

        var exitCode = await ImportCommand.RunAsync(_verb.Environment(), [missing], db, strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal($"error: '{missing}' does not exist (give .eml files, folders, Maildirs or mbox files)", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task RunAsync_MistypedOption_UsageErrorExit2NamingItAsAnOption()
    {
        var db = _verb.Temp.File("fm.db");

        var exitCode = await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples, "--dbb"], db, strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("error: '--dbb' is not an option of this verb, nor a file. Run 'fleetmanager VERB --help' for its options.", _verb.Error.ToString().TrimEnd());
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task RunAsync_FolderWithoutMailFiles_ImportsNothingAndSaysWhichFilesAFolderContributes()
    {
        var folder = Directory.CreateDirectory(_verb.Temp.File("outlook")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "order.msg"), "not MIME");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "call back");

        var exitCode = await ImportCommand.RunAsync(_verb.Environment(), [folder], _verb.Temp.File("fm.db"), strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        var note = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"note: no message found in '{folder}': a folder contributes its .eml files, Maildirs (cur/ and new/) and mbox files", note, StringComparison.Ordinal);
        Assert.EndsWith("Save Outlook messages as .eml, or name a file to read it as one message.", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GeminiReaderWithoutAKey_ConfigurationErrorExit5BeforeTheBookIsCreated()
    {
        var db = _verb.Temp.File("fm.db");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "gemini", CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        Assert.All(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("error: configuration: ", line, StringComparison.Ordinal));
        Assert.Contains("Gemini", _verb.Error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(db), "the book was created although the reader was not configured");
    }

    [Fact]
    public async Task RunAsync_ErrorWriterIsAnInteractiveTerminal_DrawsTheProgressBarThereAndTheSummaryOnTheOutput()
    {
        var db = _verb.Temp.File("fm.db");
        var terminal = _verb.Environment() with { ErrorIsInteractiveConsole = true };

        var exitCode = await ImportCommand.RunAsync(terminal, [RepoPaths.Samples], db, strict: false, quiet: false, reader: "rules", CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        var bar = _verb.Error.ToString();
        // Spectre's live display: ANSI control sequences and the task's description, on the environment's writer.
        Assert.Contains("\u001b[", bar, StringComparison.Ordinal);
        Assert.Contains("Importing", bar, StringComparison.Ordinal);
        Assert.Contains($"Imported into {db}", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Quiet_DrawsNoProgressBarEvenOnATerminal()
    {
        var db = _verb.Temp.File("fm.db");
        var terminal = _verb.Environment() with { ErrorIsInteractiveConsole = true };

        var exitCode = await ImportCommand.RunAsync(terminal, [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("\u001b[", _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Importing", _verb.Error.ToString(), StringComparison.Ordinal);
    }
}
