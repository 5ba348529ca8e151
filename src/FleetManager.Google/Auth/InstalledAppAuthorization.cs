using System.Security.Cryptography;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using System.Web;

namespace FleetManager.Google.Auth;

/// <summary>
/// The installed-app ("Desktop app") OAuth flow behind <c>fleetmanager auth google</c>, on Google.Apis.Auth's
/// PKCE code flow pointed at the configured endpoints: build the consent URL (offline access and a consent
/// prompt, so Google issues a refresh token), then exchange the returned code and store the refresh token
/// with mode 0600.
/// </summary>
public sealed class InstalledAppAuthorization : IDisposable
{
    private readonly GoogleCredentialFile _client;
    private readonly PkceGoogleAuthorizationCodeFlow _flow;
    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyCollection<string> _scopes;

    public InstalledAppAuthorization(GoogleOptions google, GoogleCredentialFile client, IReadOnlyCollection<string> scopes, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Kind != GoogleCredentialKind.InstalledApp)
        {
            throw new GoogleAuthorizationException(
                "The credentials file is a service-account key: it needs no browser authorization.",
                "Nothing to do; or set Gmail:CredentialsFile to the OAuth client (Desktop app) JSON to use a personal account.");
        }

        _client = client;
        _scopes = scopes;
        _timeProvider = timeProvider;
        _flow = new PkceGoogleAuthorizationCodeFlow(new ConfigurableGoogleFlowInitializer(google)
        {
            ClientSecrets = new ClientSecrets { ClientId = client.ClientId, ClientSecret = client.ClientSecret },
            Scopes = scopes,
            Prompt = "consent", // a refresh token every time, also when the account had authorized before
            Clock = new TimeProviderClock(timeProvider),
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        });
    }

    /// <summary>Starts an authorization whose reply goes to <paramref name="redirectUri"/> (a loopback address).</summary>
    public AuthorizationRequest Begin(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var request = _flow.CreateAuthorizationCodeRequest(redirectUri.ToString(), out var codeVerifier);
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        request.State = state;
        return new AuthorizationRequest(request.Build(), redirectUri, state, codeVerifier);
    }

    /// <summary>
    /// Takes Google's reply — the redirect's full URL or query (from the loopback listener, or pasted from the
    /// browser's address bar) or the bare code — exchanges the code and writes the refresh token to <paramref name="tokenFile"/>.
    /// </summary>
    /// <exception cref="GoogleAuthorizationException">Consent refused, a forged or mismatched reply, or the exchange refused.</exception>
    public async Task<StoredRefreshToken> CompleteAsync(AuthorizationRequest request, string reply, string tokenFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = ReadCode(reply, request.State);
        TokenResponse token;
        try
        {
            token = await _flow.ExchangeCodeForTokenAsync("fleetmanager", code, request.CodeVerifier, request.RedirectUri.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (TokenResponseException exception)
        {
            throw GoogleTokenErrors.Translate(exception, GoogleCredentialKind.InstalledApp) is GoogleAuthorizationException fatal
                ? new GoogleAuthorizationException("Google refused the authorization code (" + exception.Error?.Error + ").", "Run 'fleetmanager auth google' again and paste the reply at once (codes are single-use and short-lived).", exception)
                : new GoogleAuthorizationException("Google's token endpoint is unavailable.", "Try 'fleetmanager auth google' again in a minute.", exception);
        }

        if (string.IsNullOrEmpty(token.RefreshToken))
        {
            throw new GoogleAuthorizationException(
                "Google sent no refresh token.",
                "Remove FleetManager's access at https://myaccount.google.com/permissions, then run 'fleetmanager auth google' again.");
        }

        var stored = new StoredRefreshToken(token.RefreshToken, token.Scope ?? string.Join(' ', _scopes), _client.ClientId, _timeProvider.GetUtcNow());
        RefreshTokenFile.Write(tokenFile, stored);
        return stored;
    }

    /// <summary>The code in a reply (URL, query string or bare code), after checking its state.</summary>
    internal static string ReadCode(string reply, string expectedState)
    {
        var text = (reply ?? "").Trim();
        if (text.Length == 0)
        {
            throw new GoogleAuthorizationException("No authorization reply was given.", "Run 'fleetmanager auth google' again.");
        }

        var queryStart = text.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0 && !text.Contains('=', StringComparison.Ordinal))
        {
            return text; // a bare code
        }

        var query = HttpUtility.ParseQueryString(queryStart >= 0 ? text[queryStart..] : text);
        if (query["error"] is { } error)
        {
            throw new GoogleAuthorizationException($"Google reports '{error}': access was not granted.", "Run 'fleetmanager auth google' again and allow access on the consent page.");
        }

        if (query["state"] != expectedState)
        {
            throw new GoogleAuthorizationException("The reply does not belong to this authorization (its state differs).", "Run 'fleetmanager auth google' again and use the URL it prints.");
        }

        return query["code"] is { Length: > 0 } code
            ? code
            : throw new GoogleAuthorizationException("The reply carries no code.", "Paste the full address the browser was sent to (it contains 'code=').");
    }

    public void Dispose() => _flow.Dispose();
}
