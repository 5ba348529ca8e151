using System.Collections;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// Where configuration comes from, lowest precedence first: <c>appsettings.json</c> (beside the
/// executable, then the working directory, then the file named by <c>FLEETMANAGER_CONFIG</c>), the
/// original Python tool's environment variables (<see cref="LegacyVariables"/>), then
/// <c>FLEETMANAGER__SECTION__KEY</c> environment variables.
/// </summary>
internal static class AppConfiguration
{
    /// <summary>The original tool's variable names and the option each one sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> LegacyVariables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GEMINI_API_KEY"] = "Gemini:ApiKey",
        ["GOOGLE_MAPS_API_KEY"] = "Geocoding:Google:ApiKey",
        ["GOOGLE_SHEETS_SPREADSHEET_ID"] = "Sheets:SpreadsheetId",
        ["GOOGLE_SHEETS_RANGE_NAME"] = "Sheets:Range",
        ["GMAIL_CREDENTIALS_FILE"] = "Gmail:CredentialsFile",
        ["DATA_DIR"] = "DataDir",
        ["LOG_LEVEL"] = "Logging:LogLevel:Default",
    };

    public const string EnvironmentPrefix = "FLEETMANAGER__";

    // The process's environment and working directory do not change while it runs: its configuration is read
    // once, not once for the secret redactor, once for an option's default and once more for the verb (each read
    // parses the environment and probes the appsettings files; together a measurable part of the service's start).
    // Only a successful read is kept: a broken file is read again, so each caller reports the same one-line error.
    private static IConfigurationRoot? s_processConfiguration;

    /// <summary>This process's configuration (read on first use, then shared by every caller in the process).</summary>
    public static IConfigurationRoot Build()
    {
        if (Volatile.Read(ref s_processConfiguration) is { } read)
        {
            return read;
        }

        // Two first callers at once both read it; the first result is the one every caller shares.
        Interlocked.CompareExchange(ref s_processConfiguration, Build(Environment.GetEnvironmentVariables(), Directory.GetCurrentDirectory()), null);
        return s_processConfiguration!;
    }

    /// <summary>Builds the configuration from the given environment (tests pass their own).</summary>
    public static IConfigurationRoot Build(IDictionary environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(workingDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (environment["FLEETMANAGER_CONFIG"] is string explicitFile && explicitFile.Length > 0)
        {
            // Named explicitly: a missing file is an error the user must hear about.
            builder.AddJsonFile(Path.GetFullPath(explicitFile, workingDirectory), optional: false, reloadOnChange: false);
        }

        var legacy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in LegacyVariables)
        {
            if (environment[variable] is string value && value.Length > 0)
            {
                legacy[key] = variable == "LOG_LEVEL" ? LogLevelSetting.FromLegacy(value) : value;
            }
        }

        builder.AddInMemoryCollection(legacy);
        builder.AddInMemoryCollection(PrefixedVariables(environment));
        try
        {
            return builder.Build();
        }
        catch (FileNotFoundException ex)
        {
            throw new ConfigurationFileException(
                $"The configuration file '{ex.FileName ?? environment["FLEETMANAGER_CONFIG"]}' named by FLEETMANAGER_CONFIG does not exist.",
                "Create it or fix FLEETMANAGER_CONFIG.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw FromUnreadableFile(ex);
        }
    }

    /// <summary>
    /// The JSON provider's "Failed to load configuration from file 'X'" with the parser's line as one line:
    /// the file, the line and position, and what to do.
    /// </summary>
    private static ConfigurationFileException FromUnreadableFile(InvalidDataException exception)
    {
        var file = exception.Message;
        var quote = file.IndexOf('\'', StringComparison.Ordinal);
        var end = quote < 0 ? -1 : file.IndexOf('\'', quote + 1);
        file = quote >= 0 && end > quote ? file[(quote + 1)..end] : "appsettings.json";
        var json = FindJsonException(exception);
        var where = json?.LineNumber is { } line
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}")
            : "";
        return new ConfigurationFileException(
            $"The configuration file '{file}' is not valid JSON{where}.",
            "Fix the file (or remove it to use the defaults), then run again.", exception);
    }

    private static System.Text.Json.JsonException? FindJsonException(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Text.Json.JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary><c>FLEETMANAGER__GEMINI__BASEURL</c> → <c>Gemini:BaseUrl</c> (keys are case-insensitive).</summary>
    private static Dictionary<string, string?> PrefixedVariables(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                values[name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        return values;
    }
}
