using System.Text.Json;
using FleetManager.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// Gathers every secret value the configuration holds and builds the one <see cref="SecretRedactor"/>
/// the CLI and the service apply to every error text before it is printed, logged or stored:
/// values of keys that name a secret (…Key, …Secret, …Password, …Token, connection strings), the
/// password inside a connection string or URI, and the secrets inside credential and token files the
/// configuration names (client_secret, refresh_token, access_token, private_key). <c>doctor</c> and any
/// new verb take the same: <c>ConfiguredSecrets.Redactor(configuration)</c>.
/// </summary>
internal static class ConfiguredSecrets
{
    private static readonly string[] SecretKeyParts = ["key", "secret", "password", "token", "connectionstring", "credential"];

    // Credential files are small JSON documents; anything larger is not read (and not a secret store we know).
    private const long MaxCredentialFileBytes = 256 * 1024;

    private static readonly string[] SecretJsonProperties = ["client_secret", "refresh_token", "access_token", "private_key", "password", "api_key", "apiKey", "token"];

    /// <summary>The redactor for everything secret in <paramref name="configuration"/>.</summary>
    public static SecretRedactor Redactor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SecretRedactor(Values(configuration));
    }

    /// <summary>The redactor for the process's own configuration; <see cref="SecretRedactor.None"/> plus the environment's secrets when the configuration files cannot be read (that error is reported elsewhere).</summary>
    public static SecretRedactor ForThisProcess()
    {
        try
        {
            return Redactor(AppConfiguration.Build());
        }
        catch (Exception ex) when (ex is Core.Errors.FleetManagerException or InvalidDataException or FormatException or IOException or JsonException or InvalidOperationException)
        {
            // A malformed appsettings.json or a missing FLEETMANAGER_CONFIG file (the verb reports it as one
            // line and exit 5 when it builds the configuration itself): the environment's secrets are still known.
            var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string name && name.StartsWith(AppConfiguration.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    environment[name[AppConfiguration.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
                }
                else if (entry.Key is string legacy && AppConfiguration.LegacyVariables.TryGetValue(legacy, out var key))
                {
                    environment[key] = entry.Value as string;
                }
            }

            return Redactor(new ConfigurationBuilder().AddInMemoryCollection(environment).Build());
        }
    }

    /// <summary>True when a configuration key names a secret (its last segment mentions key, secret, password, token ...), not a file path, URL or id.</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var last = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return !last.EndsWith("file", StringComparison.Ordinal) && !last.EndsWith("url", StringComparison.Ordinal)
            && !last.EndsWith("id", StringComparison.Ordinal) && !last.EndsWith("path", StringComparison.Ordinal)
            && SecretKeyParts.Any(last.Contains);
    }

    /// <summary>True when a key names a file that holds a credential or token (…File, …KeyFile, …TokenFile).</summary>
    private static bool IsCredentialFileKey(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return last.EndsWith("file", StringComparison.Ordinal) && SecretKeyParts.Any(last.Contains);
    }

    private static IEnumerable<string> Values(IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (IsSecretKey(key))
            {
                yield return value;
                if (ConnectionStringPassword(value) is { } password)
                {
                    yield return password;
                }
            }
            else if (IsCredentialFileKey(key))
            {
                foreach (var secret in FileSecrets(value))
                {
                    yield return secret;
                }
            }
        }

        // The token file used when Gmail:TokenFile is not set.
        foreach (var secret in FileSecrets(Path.Combine(string.IsNullOrWhiteSpace(configuration["DataDir"]) ? "." : configuration["DataDir"]!, "gmail-token.json")))
        {
            yield return secret;
        }
    }

    /// <summary>The password of <c>Password=...</c> in a keyword string or of <c>scheme://user:password@host</c>; null when there is none.</summary>
    internal static string? ConnectionStringPassword(string value)
    {
        var text = value.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var rest = text[(scheme + 3)..];
            var at = rest.LastIndexOf('@');
            var colon = at > 0 ? rest.IndexOf(':', 0, at) : -1;
            return colon >= 0 ? Uri.UnescapeDataString(rest[(colon + 1)..at]) : null;
        }

        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Replace(" ", "", StringComparison.Ordinal) is var name
                && (name.Equals("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase)))
            {
                return part[(equals + 1)..].Trim().Trim('\'', '"');
            }
        }

        return null;
    }

    /// <summary>The secret values inside a credential or token file (a JSON document's secret properties, or a one-line file's content).</summary>
    private static List<string> FileSecrets(string path)
    {
        var secrets = new List<string>();
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length is 0 or > MaxCredentialFileBytes)
            {
                return secrets;
            }

            var text = File.ReadAllText(file.FullName).Trim();
            if (!text.StartsWith('{'))
            {
                // A password or token file holds the value alone.
                if (!text.Contains('\n', StringComparison.Ordinal))
                {
                    secrets.Add(text);
                }

                return secrets;
            }

            using var document = JsonDocument.Parse(text);
            Collect(document.RootElement, secrets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable here: the adapter that reads it reports that, and cannot echo what it could not read either.
        }

        return secrets;
    }

    private static void Collect(JsonElement element, List<string> secrets)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && SecretJsonProperties.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        secrets.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, secrets);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, secrets);
                }

                break;
            default:
                break;
        }
    }
}
