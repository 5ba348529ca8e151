using System.Text;
using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace FleetManager.Commands;

/// <summary>
/// What a verb reads and writes besides its arguments: the one configuration (<see cref="AppConfiguration"/>),
/// the two streams, the input a verb may ask the user for, and the terminal behind them when there is one. The
/// process passes its own (<see cref="FromProcess"/>); a test passes a configuration and writers of its own and runs
/// the verb in-process, without starting a process. Nothing a verb prints goes anywhere else: its results, its progress
/// bar, its prompts and its log lines all go to these writers.
/// </summary>
/// <param name="Configuration">The settings every service of the verb is built from, and the defaults of its options (<c>--db</c>, <c>--reader</c>).</param>
/// <param name="Out">Where results go (stdout), and the log lines of <c>run</c> and <c>serve</c>.</param>
/// <param name="Error">Where progress, prompts, warnings, the other verbs' log lines and the one-line failures go (stderr).</param>
internal sealed record VerbEnvironment(IConfiguration Configuration, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's configuration, stdout, stderr and stdin, and its terminal where they are one.</summary>
    public static VerbEnvironment FromProcess() => new(AppConfiguration.Build(), Console.Out, Console.Error)
    {
        Input = Console.In,
        Keyboard = Console.IsInputRedirected ? null : ProcessConsoleKeyReader.Instance,
        OutputIsInteractiveConsole = !Console.IsOutputRedirected,
        ErrorIsInteractiveConsole = !Console.IsErrorRedirected,
        OpenOutputStream = Console.OpenStandardOutput,
    };

    /// <summary>Where a verb reads what it asks the user for (stdin; <c>auth google --no-browser</c> reads the pasted address); empty unless given.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>
    /// The keys typed on the terminal <see cref="Input"/> is, where a password is typed without echo; null when the input is
    /// a pipe, a file or a test's reader, which are read a line at a time.
    /// </summary>
    public IConsoleKeyReader? Keyboard { get; init; }

    /// <summary>True when <see cref="Out"/> is an interactive terminal, where the bytes of an XLSX file must not be written.</summary>
    public bool OutputIsInteractiveConsole { get; init; }

    /// <summary>True when <see cref="Error"/> is an interactive terminal: a progress bar may be drawn there and log lines coloured.</summary>
    public bool ErrorIsInteractiveConsole { get; init; }

    /// <summary>
    /// Opens the byte stream under <see cref="Out"/> for a document that is bytes rather than text (<c>orders export</c>
    /// without <c>--output</c>: an XLSX file); null when <see cref="Out"/> is only a writer, which then receives a text
    /// document as UTF-8 text (<see cref="CopyToOutput"/>) and refuses a binary one.
    /// </summary>
    public Func<Stream>? OpenOutputStream { get; init; }

    /// <summary>
    /// Writes <paramref name="document"/> (from its current position) to the verb's standard output: its bytes to
    /// <see cref="OpenOutputStream"/>, else its UTF-8 text to <see cref="Out"/>.
    /// </summary>
    public void CopyToOutput(Stream document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Whatever was written as text before goes out first, so the document is not interleaved with it.
        Out.Flush();
        if (OpenOutputStream is { } open)
        {
            using var output = open();
            document.CopyTo(output);
            output.Flush();
            return;
        }

        using var text = new StreamReader(document, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = text.Read(buffer, 0, buffer.Length)) > 0)
        {
            Out.Write(buffer, 0, read);
        }

        Out.Flush();
    }

    /// <summary>
    /// Spectre.Console's console over <see cref="Error"/> (the import's progress bar): interactive and with ANSI
    /// codes only when <see cref="ErrorIsInteractiveConsole"/>. On this process's own terminal Spectre still detects
    /// what the terminal supports (a CI runner's log is not interactive); a test's writer that says it is a terminal
    /// gets what it says, so the test sees the very bar a user would.
    /// </summary>
    public IAnsiConsole CreateErrorConsole()
    {
        var processTerminal = ReferenceEquals(Error, Console.Error);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Error),
            Interactive = !ErrorIsInteractiveConsole ? InteractionSupport.No : processTerminal ? InteractionSupport.Detect : InteractionSupport.Yes,
            Ansi = !ErrorIsInteractiveConsole ? AnsiSupport.No : processTerminal ? AnsiSupport.Detect : AnsiSupport.Yes,
        });
    }
}
