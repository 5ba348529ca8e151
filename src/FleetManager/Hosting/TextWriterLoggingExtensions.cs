using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Hosting;

/// <summary>Log lines in the console's own format, written to a verb's writer (<see cref="TextWriterLoggerProvider"/>).</summary>
internal static class TextWriterLoggingExtensions
{
    /// <summary>
    /// Sends the lines of the console formatter <paramref name="formatterName"/> (<see cref="ConsoleFormatterNames"/>) to
    /// <paramref name="writer"/>. Called after that formatter's <c>AddXConsole</c>, which registers it with its options;
    /// the logger providers registered so far (the console's own) are taken out.
    /// </summary>
    public static ILoggingBuilder RedirectConsoleTo(this ILoggingBuilder logging, TextWriter writer, string formatterName)
    {
        logging.ClearProviders();
        logging.Services.AddSingleton<ILoggerProvider>(provider => new TextWriterLoggerProvider(
            provider.GetServices<ConsoleFormatter>().First(f => f.Name == formatterName), writer));
        return logging;
    }

    /// <summary>Colours only where the process's console would show them: the writer is this process's own terminal.</summary>
    public static bool IsInteractiveStandardError(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
}
