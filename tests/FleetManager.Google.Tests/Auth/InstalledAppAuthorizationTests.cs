using System.Web;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using FleetManager.StandIns.OAuth;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Google.Tests.Auth;

public sealed class InstalledAppAuthorizationTests : IAsyncLifetime, IDisposable
{
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("fm-auth-").FullName;
    private InstalledAppAuthorization _authorization = null!;

    public async Task InitializeAsync()
    {
        await _oauth.StartAsync();
        _oauth.Clients["id-1.apps.googleusercontent.com"] = "s";
        var google = new GoogleOptions { TokenUrl = _oauth.TokenUrl };
        var client = GoogleCredentialFile.Parse("""{"installed":{"client_id":"id-1.apps.googleusercontent.com","client_secret":"s"}}"""u8);
        _authorization = new InstalledAppAuthorization(google, client, [GmailScopes.Modify], new FakeTimeProvider());
    }

    [Fact]
    public async Task CompleteAsync_LoopbackRedirect_StoresRefreshTokenWithMode0600()
    {
        _oauth.AuthorizationCodes["4/code-1"] = "1//fresh-refresh";
        using var receiver = LoopbackCodeReceiver.Start();
        var request = _authorization.Begin(receiver.RedirectUri);
        var consent = HttpUtility.ParseQueryString(request.Url.Query);
        var tokenFile = Path.Combine(_folder, "gmail-token.json");

        // The "browser": Google sends it back to the loopback address with the code and the state.
        var reply = receiver.WaitForReplyAsync(CancellationToken.None);
        using var browser = new HttpClient();
        using var page = await browser.GetAsync(new Uri(receiver.RedirectUri, "?state=" + consent["state"] + "&code=4%2Fcode-1&scope=x"));
        var stored = await _authorization.CompleteAsync(request, await reply, tokenFile, CancellationToken.None);

        Assert.Equal("offline", consent["access_type"]);
        Assert.Equal("consent", consent["prompt"]);
        Assert.Equal("S256", consent["code_challenge_method"]);
        Assert.Equal(GmailScopes.Modify, consent["scope"]);
        Assert.Equal(receiver.RedirectUri.ToString(), consent["redirect_uri"]);
        Assert.Equal("1//fresh-refresh", stored.RefreshToken);
        Assert.Equal("1//fresh-refresh", RefreshTokenFile.Read(tokenFile).RefreshToken);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        Assert.Contains("code_verifier=", _oauth.Requests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_PastedAddressWithOtherState_IsRefused()
    {
        var request = _authorization.Begin(new Uri("http://127.0.0.1:8765/"));

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() =>
            _authorization.CompleteAsync(request, "http://127.0.0.1:8765/?state=forged&code=4%2Fcode-1", Path.Combine(_folder, "t.json"), CancellationToken.None));

        Assert.Contains("state", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_oauth.Requests);
    }

    [Fact]
    public async Task CompleteAsync_PastedBareCode_IsExchanged()
    {
        _oauth.AuthorizationCodes["4/code-2"] = "1//other";
        var request = _authorization.Begin(new Uri("http://127.0.0.1:8765/"));

        var stored = await _authorization.CompleteAsync(request, " 4/code-2 \n", Path.Combine(_folder, "t.json"), CancellationToken.None);

        Assert.Equal("1//other", stored.RefreshToken);
    }

    [Fact]
    public async Task CompleteAsync_ConsentDenied_ThrowsWithFix()
    {
        var request = _authorization.Begin(new Uri("http://127.0.0.1:8765/"));

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() =>
            _authorization.CompleteAsync(request, "?error=access_denied&state=" + request.State, Path.Combine(_folder, "t.json"), CancellationToken.None));

        Assert.Contains("allow access", exception.Fix, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _oauth.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose() => _authorization.Dispose();
}
