using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Hosting;

/// <summary>
/// Log lines formatted by the console's own formatter (simple or JSON, <c>Logging:Format</c>) but written to a verb's
/// writer instead of the process's console: a verb run in-process (a test) sees its log lines with its other output.
/// Written synchronously, one whole entry at a time, so lines of concurrent loggers never interleave.
/// </summary>
internal sealed class TextWriterLoggerProvider(ConsoleFormatter formatter, TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(categoryName, formatter, writer, _gate);

    public void Dispose() => writer.Flush();
}
