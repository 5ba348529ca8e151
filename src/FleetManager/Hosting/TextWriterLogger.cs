using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Hosting;

/// <summary>One category's logger of <see cref="TextWriterLoggerProvider"/>: formats an entry whole, then writes it under the provider's lock.</summary>
internal sealed class TextWriterLogger(string category, ConsoleFormatter formatter, TextWriter writer, Lock gate) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> messageFormatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, messageFormatter), null, line);
        var text = line.ToString();
        if (text.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            writer.Write(text);
            writer.Flush();
        }
    }
}
