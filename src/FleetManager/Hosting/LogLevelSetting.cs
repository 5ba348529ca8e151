using FleetManager.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FleetManager.Hosting;

/// <summary>
/// The levels under <c>Logging:LogLevel</c>: <c>LOG_LEVEL</c> keeps the original Python tool's names working
/// (<c>INFO</c>, <c>WARN</c>, <c>FATAL</c> are not .NET's), and a value that is no level is one configuration error
/// naming the setting when logging is set up, not an exception from deep inside the logger's options on the first
/// line logged.
/// </summary>
internal static class LogLevelSetting
{
    public const string Section = "Logging:LogLevel";

    private const string Levels = "Trace, Debug, Information, Warning, Error, Critical or None";

    // Python's logging level names that .NET's LogLevel does not accept as they are; DEBUG, WARNING, ERROR and
    // CRITICAL parse as they are (the names ignore case).
    private static readonly Dictionary<string, string> PythonNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INFO"] = nameof(LogLevel.Information),
        ["WARN"] = nameof(LogLevel.Warning),
        ["FATAL"] = nameof(LogLevel.Critical),
        ["NOTSET"] = nameof(LogLevel.Trace),
    };

    /// <summary>The .NET name for <paramref name="value"/> of <c>LOG_LEVEL</c>: the Python tool's names mapped, anything else as it is.</summary>
    public static string FromLegacy(string value) =>
        PythonNames.TryGetValue(value.Trim(), out var name) ? name : value;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first setting under <c>Logging:LogLevel</c> that is no level.</summary>
    public static void Validate(IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection(Section).GetChildren())
        {
            if (setting.Value is { } value && !IsLevel(value))
            {
                var name = setting.Key == "Default" ? $"{Section}:Default (LOG_LEVEL)" : $"{Section}:{setting.Key}";
                throw new ConfigurationException(
                    $"{name} is '{value}', which is not a log level.",
                    $"Set it to {Levels} (LOG_LEVEL also takes the old tool's INFO, WARN and FATAL).");
            }
        }
    }

    // The logger's own options read a level with Enum.TryParse, ignoring case; a number is refused here although the
    // enum would take it, because "3" in a settings file is more likely a mistake than a choice.
    private static bool IsLevel(string value) =>
        !value.Trim().All(char.IsAsciiDigit) && Enum.TryParse<LogLevel>(value.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level);
}
