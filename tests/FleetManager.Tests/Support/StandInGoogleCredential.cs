using FleetManager.Google.Auth;
using FleetManager.StandIns.OAuth;

namespace FleetManager.Tests.Support;

/// <summary>
/// An installed-app Google credential as 'fleetmanager auth google' leaves it — a client secret file and a refresh
/// token file, owner-only — for a client and refresh token the OAuth stand-in knows; and the environment that points
/// the executable at them and at the stand-in.
/// </summary>
internal static class StandInGoogleCredential
{
    public const string ClientSecret = "s";

    /// <summary>Registers <paramref name="clientId"/> and <paramref name="refreshToken"/> (for <paramref name="scopes"/>) with the stand-in, writes both files into <paramref name="folder"/> and returns the variables.</summary>
    public static Dictionary<string, string> Create(TempDirectory folder, OAuthTokenStandIn oauth, string clientId, string refreshToken, string scopes)
    {
        oauth.Clients[clientId] = ClientSecret;
        oauth.RefreshTokens[refreshToken] = scopes;
        var credentials = folder.File("client_secret.json");
        var token = folder.File("gmail-token.json");
        SecretFilePermissions.WriteAllTextPrivate(credentials, $$$"""{"installed":{"client_id":"{{{clientId}}}","client_secret":"{{{ClientSecret}}}"}}""");
        RefreshTokenFile.Write(token, new StoredRefreshToken(refreshToken, null, null, DateTimeOffset.UtcNow));
        return new Dictionary<string, string>
        {
            ["FLEETMANAGER__GOOGLE__TOKENURL"] = oauth.TokenUrl.ToString(),
            ["GMAIL_CREDENTIALS_FILE"] = credentials,
            ["FLEETMANAGER__GMAIL__TOKENFILE"] = token,
        };
    }
}
