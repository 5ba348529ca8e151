using System.Text.Json;

namespace FleetManager.Google.Auth;

/// <summary>
/// A Google credential file as downloaded from the Cloud console: an OAuth client secret
/// (<c>{"installed":{"client_id","client_secret",...}}</c>, or <c>"web"</c>) or a service-account key
/// (<c>{"type":"service_account","client_email","private_key",...}</c>).
/// </summary>
public sealed class GoogleCredentialFile
{
    private GoogleCredentialFile(GoogleCredentialKind kind, string clientId, string? clientSecret, string? privateKey, string? privateKeyId)
    {
        Kind = kind;
        ClientId = clientId;
        ClientSecret = clientSecret;
        PrivateKey = privateKey;
        PrivateKeyId = privateKeyId;
    }

    public GoogleCredentialKind Kind { get; }

    /// <summary>The OAuth client id, or the service account's e-mail address.</summary>
    public string ClientId { get; }

    /// <summary>The OAuth client secret (installed app only).</summary>
    public string? ClientSecret { get; }

    /// <summary>The PEM private key (service account only).</summary>
    public string? PrivateKey { get; }

    /// <summary>The key's id (service account only; sent as the JWT's <c>kid</c>).</summary>
    public string? PrivateKeyId { get; }

    /// <summary>Reads and checks the file (present, private to its owner, one of the two shapes).</summary>
    /// <exception cref="GoogleAuthorizationException">Missing, readable by others, or not a Google credential.</exception>
    public static GoogleCredentialFile Load(string path)
    {
        const string what = "The Gmail credentials file";
        SecretFilePermissions.EnsurePrivate(
            path, what,
            "Download the OAuth client (Desktop app) or service-account key JSON from the Google Cloud console and set Gmail:CredentialsFile (GMAIL_CREDENTIALS_FILE) to its path (docs/gmail.md).");
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (JsonException exception)
        {
            throw new GoogleAuthorizationException($"{what} '{path}' is not valid JSON ({exception.Message}).",
                "Download it again from the Google Cloud console (docs/gmail.md).", exception);
        }
        catch (FormatException exception)
        {
            throw new GoogleAuthorizationException($"{what} '{path}' {exception.Message}.",
                "Use the JSON of an OAuth client of type 'Desktop app' or a service-account key (docs/gmail.md).", exception);
        }
    }

    internal static GoogleCredentialFile Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("is not a JSON object");
        }

        if (Text(root, "type") == "service_account")
        {
            var email = Text(root, "client_email") ?? throw new FormatException("is a service-account key without client_email");
            var key = Text(root, "private_key") ?? throw new FormatException("is a service-account key without private_key");
            return new GoogleCredentialFile(GoogleCredentialKind.ServiceAccount, email, null, key, Text(root, "private_key_id"));
        }

        foreach (var section in (ReadOnlySpan<string>)["installed", "web"])
        {
            if (root.TryGetProperty(section, out var client) && client.ValueKind == JsonValueKind.Object)
            {
                var id = Text(client, "client_id") ?? throw new FormatException($"has an '{section}' client without client_id");
                return new GoogleCredentialFile(GoogleCredentialKind.InstalledApp, id, Text(client, "client_secret"), null, null);
            }
        }

        throw new FormatException("is neither an OAuth client secret ('installed') nor a service-account key ('type': 'service_account')");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
