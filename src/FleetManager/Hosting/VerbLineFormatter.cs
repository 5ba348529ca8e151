using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Hosting;

/// <summary>
/// The log lines of a one-shot verb (<c>extract</c>, <c>import</c>, <c>eval</c>) in the words of its own output:
/// <c>warning: Gemini did not answer (HTTP 503): retry 1 of 4 in 2.1 s</c>, as its other <c>warning:</c> and
/// <c>error:</c> lines read, not the service log's <c>warn: Category[EventId]</c>. One line each; an exception adds
/// its type and message, never its stack. Lines below Information (asked for with <c>Logging:LogLevel</c>) keep their
/// category, which is what one looks for then.
/// </summary>
internal sealed class VerbLineFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "fleetmanager-verb";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is { } exception && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            message += $" ({exception.GetType().Name}: {exception.Message})";
        }

        var prefix = logEntry.LogLevel switch
        {
            LogLevel.Critical or LogLevel.Error => "error: ",
            LogLevel.Warning => "warning: ",
            LogLevel.Information => "",
            _ => $"debug: [{logEntry.Category}] ",
        };
        textWriter.Write(prefix);
        textWriter.WriteLine(message.ReplaceLineEndings(" "));
    }
}
