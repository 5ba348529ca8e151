using System.Net;
using System.Net.Http.Headers;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;

namespace FleetManager.Google.Tests.StandIns;

/// <summary>The Gmail stand-in refuses what Gmail refuses, so a wrong request shape fails the client's tests.</summary>
public sealed class GmailStandInTests : IAsyncLifetime, IDisposable
{
    private readonly GmailStandIn _gmail = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_gmail.StartAsync(), _oauth.StartAsync());
        _gmail.TokenIssuer = _oauth;
        _oauth.Clients["c"] = "s";
        _oauth.RefreshTokens["1//r"] = "https://www.googleapis.com/auth/gmail.readonly";
    }

    [Theory]
    [InlineData("")]
    [InlineData("ya29.never-issued")]
    public async Task Get_TokenNotIssuedByTheOAuthStandIn_401(string token)
    {
        var response = await GetAsync("gmail/v1/users/me/profile", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_TokenExpiredOnGooglesClock_401()
    {
        var token = await IssueAsync();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        _oauth.Clock = clock;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("gmail/v1/users/me/profile", token)).StatusCode);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("gmail/v1/users/me/profile", token)).StatusCode);
    }

    [Fact]
    public async Task Post_ReadOnlyToken_403()
    {
        var token = await IssueAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gmail.BaseAddress, "gmail/v1/users/me/labels")) { Content = new StringContent("""{"name":"x"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("gmail/v1/users/me/profile", HttpStatusCode.OK)]
    [InlineData("gmail/v1/users/dispatch@example.com/profile", HttpStatusCode.OK)]
    [InlineData("gmail/v1/users/someone.else@example.com/profile", HttpStatusCode.Forbidden)]
    [InlineData("gmail/v1/users/me/messages?q=in:inbox%20after:1700000000", HttpStatusCode.OK)]
    [InlineData("gmail/v1/users/me/messages?q=label:FleetManager/Processed%20-in:spam", HttpStatusCode.OK)]
    [InlineData("gmail/v1/users/me/messages?q=in:inbox%20invoice", HttpStatusCode.BadRequest)]
    [InlineData("gmail/v1/users/me/messages?q=from:someone@example.com", HttpStatusCode.BadRequest)]
    [InlineData("gmail/v1/users/me/history?startHistoryId=1&historyTypes=messageAdded", HttpStatusCode.OK)]
    [InlineData("gmail/v1/users/me/history?startHistoryId=1&historyTypes=messagesAdded", HttpStatusCode.BadRequest)]
    public async Task Get_RequestShape_AnsweredAsGmailWould(string path, HttpStatusCode expected)
    {
        var token = await IssueAsync();

        Assert.Equal(expected, (await GetAsync(path, token)).StatusCode);
    }

    [Fact]
    public async Task ListHistory_OnlyLabelChangesAsked_ReturnsNoAddedMessages()
    {
        var token = await IssueAsync();
        _gmail.Deliver("Subject: x\r\n\r\nbody"u8.ToArray(), DateTimeOffset.UtcNow);

        var added = await (await GetAsync("gmail/v1/users/me/history?startHistoryId=1&historyTypes=messageAdded", token)).Content.ReadAsStringAsync();
        var labels = await (await GetAsync("gmail/v1/users/me/history?startHistoryId=1&historyTypes=labelAdded", token)).Content.ReadAsStringAsync();

        Assert.Contains("messagesAdded", added, StringComparison.Ordinal);
        Assert.DoesNotContain("messagesAdded", labels, StringComparison.Ordinal);
    }

    private async Task<string> IssueAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "1//r", ["client_id"] = "c", ["client_secret"] = "s",
        });
        var response = await _http.PostAsync(_oauth.TokenUrl, form);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_gmail.BaseAddress, path));
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _gmail.DisposeAsync();
        await _oauth.DisposeAsync();
    }
}
