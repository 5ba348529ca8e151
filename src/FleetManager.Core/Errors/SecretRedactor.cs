namespace FleetManager.Core.Errors;

/// <summary>
/// Replaces every known secret value (API keys, passwords, client secrets, tokens) by <c>***</c> in a
/// text before it is printed, logged or stored: an upstream error body that echoes a request header, or an
/// IMAP server that echoes the LOGIN line, must not carry the secret any further. One instance, fed with
/// every secret the configuration holds (the application builds it once: <c>ConfiguredSecrets</c>), is
/// applied on every path an error text leaves by. Thread-safe; immutable.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Values shorter than this are not treated as secrets (replacing "1" or "abc" everywhere would garble every text).</summary>
    public const int MinimumLength = 4;

    private readonly string[] _secrets;

    /// <summary>A redactor for <paramref name="secrets"/> (nulls, blanks and values under <see cref="MinimumLength"/> characters are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            var trimmed = secret?.Trim();
            if (trimmed is null || trimmed.Length < MinimumLength)
            {
                continue;
            }

            values.Add(trimmed);

            // As it appears in a URL (a key in a query string, a password in a connection URI).
            var escaped = Uri.EscapeDataString(trimmed);
            if (!escaped.Equals(trimmed, StringComparison.Ordinal))
            {
                values.Add(escaped);
            }
        }

        // Longest first, so a secret that contains another is masked whole.
        _secrets = [.. values.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal)];
    }

    /// <summary>A redactor that knows no secrets (tests, and before configuration could be read).</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>How many distinct values (with their URL-escaped forms) are masked.</summary>
    public int Count => _secrets.Length;

    /// <summary><paramref name="text"/> with every known secret replaced by <see cref="Mask"/>; the same instance when none occurs.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A redactor that also masks <paramref name="more"/> (a token read later, a password given on the command line).</summary>
    public SecretRedactor With(IEnumerable<string?> more) => new(_secrets.Concat(more ?? []));
}
