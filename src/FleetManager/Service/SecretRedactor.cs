using Microsoft.Extensions.Configuration;

namespace FleetManager.Service;

/// <summary>
/// Belt and braces for error texts shown in status and logs: any configured value whose key names a
/// secret (…Key, …Secret, …Password, …Token, connection strings) is replaced by <c>***</c>, in case an
/// adapter's exception quotes it.
/// </summary>
internal sealed class SecretRedactor
{
    private static readonly string[] SecretKeyParts = ["key", "secret", "password", "token", "connectionstring", "credential"];
    private readonly List<string> _secrets;

    public SecretRedactor(IConfiguration configuration)
    {
        _secrets = configuration.AsEnumerable()
            .Where(pair => pair.Value is { Length: >= 4 } && IsSecretKey(pair.Key))
            .Select(pair => pair.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();
    }

    /// <summary>True when a configuration key names a secret (its last segment mentions key, secret, password, token ...), not a file path or id.</summary>
    public static bool IsSecretKey(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return !last.EndsWith("file", StringComparison.Ordinal) && !last.EndsWith("url", StringComparison.Ordinal)
            && !last.EndsWith("id", StringComparison.Ordinal) && SecretKeyParts.Any(last.Contains);
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
