using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FleetManager.Service;

/// <summary>
/// Console logging: one readable line per event on a terminal, or one JSON object per line with
/// <c>Logging:Format=json</c> (for a log collector). Levels come from <c>Logging:LogLevel</c>
/// (<c>LOG_LEVEL</c> sets the default). The HTTP client's request lines stay at Warning: a URL may carry an API key.
/// </summary>
internal static class LoggingSetup
{
    public static ILoggingBuilder AddFleetManagerConsole(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError = false)
    {
        var section = configuration.GetSection("Logging");
        logging.ClearProviders();
        logging.AddConfiguration(section);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        var threshold = toStandardError ? LogLevel.Trace : LogLevel.None;
        if (string.Equals(section["Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = threshold);
        return logging;
    }
}
