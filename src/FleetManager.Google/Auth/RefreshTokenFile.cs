using System.Text.Json;

namespace FleetManager.Google.Auth;

/// <summary>Reads and writes the stored refresh token (private to its owner: mode 0600, checked on read).</summary>
public static class RefreshTokenFile
{
    /// <summary>The fix for every "no usable refresh token" problem.</summary>
    public const string ReauthorizeFix =
        "Run 'fleetmanager auth google' to authorize again (with --no-browser on a server without a browser).";

    /// <exception cref="GoogleAuthorizationException">The file is missing, readable by others, or unreadable.</exception>
    public static StoredRefreshToken Read(string path)
    {
        SecretFilePermissions.EnsurePrivate(path, "The Gmail token file", ReauthorizeFix);
        try
        {
            var token = JsonSerializer.Deserialize(File.ReadAllBytes(path), GoogleAuthJsonContext.Default.StoredRefreshToken);
            return token is { RefreshToken.Length: > 0 }
                ? token
                : throw new GoogleAuthorizationException($"The Gmail token file '{path}' holds no refresh token.", ReauthorizeFix);
        }
        catch (JsonException exception)
        {
            throw new GoogleAuthorizationException($"The Gmail token file '{path}' is not valid JSON.", ReauthorizeFix, exception);
        }
    }

    /// <summary>Writes the token with mode 0600 (atomically: a crash leaves the old file or the new one).</summary>
    public static void Write(string path, StoredRefreshToken token) =>
        SecretFilePermissions.WriteAllTextPrivate(path, JsonSerializer.Serialize(token, GoogleAuthJsonContext.Default.StoredRefreshToken));
}
