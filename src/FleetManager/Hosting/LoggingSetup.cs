using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Hosting;

/// <summary>
/// FleetManager's log lines: one readable line per event, or one JSON object per line with <c>Logging:Format=json</c>
/// (for a log collector), in the console logger's own formats, written to the writer a verb gives (its
/// <c>VerbEnvironment</c>'s: the process's stdout or stderr, or a test's writer). Levels come from
/// <c>Logging:LogLevel</c> (<c>LOG_LEVEL</c> sets the default). The HTTP client's request lines stay at Warning: a URL
/// may carry an API key. In Hosting because the verbs and the service's hosts (<c>run</c>, <c>serve</c>) log alike.
/// </summary>
internal static class LoggingSetup
{
    /// <summary>
    /// The lines, levels and <c>Logging:Format</c> of FleetManager, written to <paramref name="writer"/> (a verb's output
    /// or error writer) instead of the console; colours only when <paramref name="colors"/> (the writer is a terminal).
    /// </summary>
    public static ILoggingBuilder AddFleetManagerLogging(this ILoggingBuilder logging, IConfiguration configuration, TextWriter writer, bool colors)
    {
        // The console's formatters are registered with their options, then its provider is taken out again: the
        // lines are the console's, the destination is the writer.
        var json = AddFormatter(logging, configuration, colors);
        return logging.RedirectConsoleTo(writer, json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple);
    }

    /// <summary>The levels, and the console's JSON or single-line formatter as <c>Logging:Format</c> says; true for JSON.</summary>
    private static bool AddFormatter(ILoggingBuilder logging, IConfiguration configuration, bool colors)
    {
        var section = AddLevels(logging, configuration);
        if (string.Equals(section["Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
            return true;
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
            // Colours only on a terminal (the writer's, as the caller says).
            o.ColorBehavior = colors ? LoggerColorBehavior.Default : LoggerColorBehavior.Disabled;
        });
        return false;
    }

    /// <summary>Levels from <c>Logging:LogLevel</c> with the product's floors; the section, for its <c>Format</c>.</summary>
    private static IConfigurationSection AddLevels(ILoggingBuilder logging, IConfiguration configuration)
    {
        LogLevelSetting.Validate(configuration);
        var section = configuration.GetSection("Logging");
        logging.ClearProviders();
        // Polly's "Execution attempt" lines (Information: an attempt that ended unhandled, its exception's stack
        // trace in the line) repeat what the product's own failure line says next; its retries and handled failures
        // are Warnings and stay. Registered before the configuration, so Logging:LogLevel:Polly can still lower it.
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddConfiguration(section);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return section;
    }
}
