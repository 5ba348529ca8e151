namespace FleetManager.Commands;

/// <summary>
/// The keys typed on a terminal, one at a time and without echo: where <c>users add</c> and <c>users passwd</c> read a
/// password typed twice. The process's terminal (<see cref="ProcessConsoleKeyReader"/>), or a test's scripted keys.
/// </summary>
internal interface IConsoleKeyReader
{
    /// <summary>The next key pressed, not shown on the terminal.</summary>
    ConsoleKeyInfo ReadKey();
}
