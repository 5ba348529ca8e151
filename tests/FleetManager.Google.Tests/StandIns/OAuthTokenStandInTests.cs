using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FleetManager.StandIns.OAuth;

namespace FleetManager.Google.Tests.StandIns;

/// <summary>The OAuth stand-in authenticates the client as Google's token endpoint does.</summary>
public sealed class OAuthTokenStandInTests : IAsyncLifetime, IDisposable
{
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        await _oauth.StartAsync();
        _oauth.Clients["client-1"] = "secret-1";
        _oauth.RefreshTokens["1//r"] = "scope";
    }

    [Theory]
    [InlineData("client-1", "secret-1", HttpStatusCode.OK)]
    [InlineData("client-1", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("client-1", null, HttpStatusCode.Unauthorized)]
    [InlineData("unknown", "secret-1", HttpStatusCode.Unauthorized)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    public async Task Refresh_ClientCredentialsInTheForm_CheckedAsGoogleDoes(string? id, string? secret, HttpStatusCode expected)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "1//r" };
        if (id is not null)
        {
            fields["client_id"] = id;
        }

        if (secret is not null)
        {
            fields["client_secret"] = secret;
        }

        using var form = new FormUrlEncodedContent(fields);
        var response = await _http.PostAsync(_oauth.TokenUrl, form);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Refresh_ClientCredentialsAsHttpBasic_Accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _oauth.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "1//r" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:secret-1")));

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task JwtBearer_UnsignedAssertion_InvalidGrant()
    {
        var claims = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            """{"iss":"sa@p.iam.gserviceaccount.com","aud":"https://oauth2.googleapis.com/token","scope":"s","iat":1,"exp":3601}"""));
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none"}"""u8);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = header + "." + claims + ".",
        });

        var response = await _http.PostAsync(_oauth.TokenUrl, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid JWT Signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_oauth.Assertions);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _oauth.DisposeAsync();
    }
}
