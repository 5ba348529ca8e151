using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Commands;

/// <summary>
/// What a verb reads and writes besides its arguments: the one configuration (<see cref="AppConfiguration"/>)
/// the two streams, and the input a verb may ask the user for. The process passes its own (<see cref="FromProcess"/>); a test passes a configuration
/// and writers of its own and runs the verb in-process, without starting a process.
/// </summary>
/// <param name="Configuration">The settings every service of the verb is built from.</param>
/// <param name="Out">Where results go (stdout).</param>
/// <param name="Error">Where progress, warnings and the one-line failures go (stderr).</param>
internal sealed record VerbEnvironment(IConfiguration Configuration, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's configuration, stdout and stderr.</summary>
    public static VerbEnvironment FromProcess() => new(AppConfiguration.Build(), Console.Out, Console.Error) { Input = Console.In };

    /// <summary>Where a verb reads what it asks the user for (stdin; <c>auth google --no-browser</c> reads the pasted address); empty unless given.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>True when <see cref="Input"/> is this process's own terminal, where a password may be typed without echo.</summary>
    public bool InputIsInteractiveConsole => ReferenceEquals(Input, Console.In) && !Console.IsInputRedirected;

    /// <summary>True when <see cref="Error"/> is this process's own interactive terminal, where a progress bar may be drawn.</summary>
    public bool ErrorIsInteractiveConsole => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
