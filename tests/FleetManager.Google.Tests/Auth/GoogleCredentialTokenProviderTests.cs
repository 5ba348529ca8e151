using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using FleetManager.Google.Tests.Support;
using FleetManager.StandIns.OAuth;

namespace FleetManager.Google.Tests.Auth;

public sealed class GoogleCredentialTokenProviderTests
{
    [Fact]
    public async Task PollAsync_RefreshTokenExpired_StopsWithReauthorizeFixAfterOneTokenCall()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 2);
        host.OAuth.Faults.Enqueue(OAuthTokenStandIn.InvalidGrant);

        var first = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());
        var second = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("fleetmanager auth google", first.Fix, StringComparison.Ordinal);
        Assert.Contains("In production", first.Fix, StringComparison.Ordinal);
        Assert.Contains("Testing", first.Message, StringComparison.Ordinal);
        Assert.Same(first, second);
        Assert.Equal(1, host.OAuth.TokenCalls);
        Assert.Empty(host.Gmail.Requests);
        Assert.Empty(host.Book.Ledger);
    }

    [Fact]
    public async Task GetAccessTokenAsync_InstalledApp_RefreshesOnceAndSendsBearer()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 2);

        await host.PollAsync();

        Assert.Equal(1, host.OAuth.TokenCalls);
        var token = Assert.Single(host.OAuth.AccessTokens.Keys);
        Assert.All(host.Gmail.Requests, r => Assert.Equal("Bearer " + token, r.Headers["Authorization"]));
        var form = host.OAuth.Requests.Single().Body;
        Assert.Contains("grant_type=refresh_token", form, StringComparison.Ordinal);
        Assert.Contains("client_id=123-stand-in.apps.googleusercontent.com", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessTokenAsync_ServiceAccount_ImpersonatesUserWithJwtBearerGrant()
    {
        await using var host = await GmailTestHost.StartAsync();
        WriteServiceAccountKey(host);
        host.Settings["Gmail:User"] = "dispatch@example.com";
        host.Deliver(1, 1);

        await host.PollAsync();

        var claims = Assert.Single(host.OAuth.Assertions);
        Assert.Equal("fleetmanager@project.iam.gserviceaccount.com", claims["iss"]!.GetValue<string>());
        Assert.Equal("dispatch@example.com", claims["sub"]!.GetValue<string>());
        Assert.Equal(GmailScopes.Modify, claims["scope"]!.GetValue<string>());
        // Google.Apis.Auth posts to the configured URL but keeps Google's audience, which Google requires.
        Assert.Equal("https://oauth2.googleapis.com/token", claims["aud"]!.GetValue<string>());
        Assert.Contains(host.Gmail.Requests, r => r.PathAndQuery.StartsWith("/gmail/v1/users/dispatch@example.com/", StringComparison.Ordinal));
        Assert.Single(host.Book.Ledger);
    }

    [Fact]
    public async Task GetAccessTokenAsync_WrongClientSecret_StopsWithClientFixAfterOneTokenCall()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.OAuth.Clients[GmailTestHost.ClientId] = "the-secret-google-knows";
        host.Deliver(1, 1);

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("invalid_client", exception.Message, StringComparison.Ordinal);
        Assert.Contains("client secret JSON", exception.Fix, StringComparison.Ordinal);
        Assert.Equal(1, host.OAuth.TokenCalls);
        Assert.Empty(host.Gmail.Requests);
    }

    [Fact]
    public async Task GetAccessTokenAsync_ServiceAccountKeySignedByAnotherKey_StopsWithKeyFix()
    {
        await using var host = await GmailTestHost.StartAsync();
        WriteServiceAccountKey(host, registered: false);
        host.Settings["Gmail:User"] = "dispatch@example.com";
        host.Deliver(1, 1);

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("invalid_grant", exception.Message, StringComparison.Ordinal);
        Assert.Contains("download a new key", exception.Fix, StringComparison.Ordinal);
        Assert.Empty(host.OAuth.Assertions);
        Assert.Empty(host.Gmail.Requests);
    }

    [Fact]
    public async Task PollAsync_AccessTokenRefusedBeforeItsExpiry_RefreshesOnceAndCarriesOn()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 2);
        await host.PollAsync();
        var first = Assert.Single(host.OAuth.AccessTokens.Keys);
        var before = host.Gmail.Requests.Count;

        // Google's clock runs past the token's life while ours still thinks it is fresh.
        var google = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        host.OAuth.Clock = google;
        google.Advance(TimeSpan.FromHours(2));
        host.Deliver(3, 2);
        await host.PollAsync();

        Assert.Equal(2, host.OAuth.TokenCalls);
        var second = Assert.Single(host.OAuth.AccessTokens.Keys, k => k != first);
        var secondPoll = host.Gmail.Requests.Skip(before).ToList();
        Assert.Equal("Bearer " + first, secondPoll[0].Headers["Authorization"]);
        Assert.All(secondPoll.Skip(1), r => Assert.Equal("Bearer " + second, r.Headers["Authorization"]));
        Assert.Equal(4, host.Book.Ledger.Count);
    }

    [Fact]
    public async Task PollAsync_FreshTokenRefusedToo_StopsWithReauthorizeFixAfterOneRefresh()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 1);
        var refused = new FleetManager.StandIns.Fault.Status(401, """{"error":{"code":401,"message":"Invalid Credentials","errors":[{"reason":"authError"}]}}""");
        host.Gmail.Faults.Enqueue(refused);
        host.Gmail.Faults.Enqueue(refused);

        var exception = await Assert.ThrowsAsync<GmailApiException>(() => host.PollAsync());

        Assert.Contains("fleetmanager auth google", exception.Fix, StringComparison.Ordinal);
        Assert.Equal(2, host.OAuth.TokenCalls);
        Assert.Equal(2, host.Gmail.Requests.Count);
        Assert.Empty(host.Book.Ledger);
    }

    [Fact]
    public async Task GetAccessTokenAsync_ServiceAccountWithoutDelegation_StopsWithAdminConsoleFix()
    {
        await using var host = await GmailTestHost.StartAsync();
        WriteServiceAccountKey(host);
        host.Settings["Gmail:User"] = "dispatch@example.com";
        host.OAuth.UndelegatedUsers["dispatch@example.com"] = true;

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("Domain-wide delegation", exception.Fix, StringComparison.Ordinal);
        Assert.Equal(1, host.OAuth.TokenCalls);
    }

    [Fact]
    public async Task GetAccessTokenAsync_ServiceAccountForMe_StopsAskingForTheUser()
    {
        await using var host = await GmailTestHost.StartAsync();
        WriteServiceAccountKey(host);

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("Gmail:User", exception.Fix, StringComparison.Ordinal);
        Assert.Equal(0, host.OAuth.TokenCalls);
    }

    [Fact]
    public async Task GetAccessTokenAsync_TokenFileReadableByOthers_RefusesWithChmodFix()
    {
        await using var host = await GmailTestHost.StartAsync();
        File.SetUnixFileMode(host.TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var exception = await Assert.ThrowsAsync<GoogleAuthorizationException>(() => host.PollAsync());

        Assert.Contains("chmod 600", exception.Fix, StringComparison.Ordinal);
        Assert.Contains("0644", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.OAuth.TokenCalls);
    }

    /// <summary>Writes a service-account key file whose public key Google knows (unless <paramref name="registered"/> is false).</summary>
    private static void WriteServiceAccountKey(GmailTestHost host, bool registered = true)
    {
        const string email = "fleetmanager@project.iam.gserviceaccount.com";
        using var rsa = RSA.Create(2048);
        if (registered)
        {
            var known = RSA.Create();
            known.ImportParameters(rsa.ExportParameters(includePrivateParameters: false));
            host.OAuth.ServiceAccountKeys[email] = known;
        }

        var key = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "project",
            ["private_key_id"] = "key-1",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = email,
            ["client_id"] = "1234567890",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        };
        SecretFilePermissions.WriteAllTextPrivate(host.CredentialsFile, key.ToJsonString());
    }
}
