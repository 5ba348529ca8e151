namespace FleetManager.Commands;

/// <summary>This process's own terminal as an <see cref="IConsoleKeyReader"/>: <see cref="Console.ReadKey(bool)"/> without echo.</summary>
internal sealed class ProcessConsoleKeyReader : IConsoleKeyReader
{
    public static readonly ProcessConsoleKeyReader Instance = new();

    private ProcessConsoleKeyReader()
    {
    }

    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
}
