using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using FleetManager.Google.Auth;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Google's token paths through the real executable: a service-account key (signed jwt-bearer assertion), an
/// installed app's refresh token, and the token endpoint's refusals, with <c>sync</c> to the Sheets stand-in and
/// <c>import --source gmail</c> from the Gmail stand-in. Google.Apis.Auth writes its token requests and reads the
/// answers by reflection, which the Native AOT compiler may trim away; .ci/run therefore also runs this class against
/// the AOT executable (<c>FLEETMANAGER_TEST_EXECUTABLE</c>), where a lost member shows as an empty or refused token request.
/// </summary>
public sealed class GoogleTokenProcessTests : IAsyncLifetime, IDisposable
{
    private const string ServiceAccountEmail = "fleetmanager@project.iam.gserviceaccount.com";
    private const string Mailbox = "dispatch@example.com";
    private const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";
    private const string GmailModifyScope = "https://www.googleapis.com/auth/gmail.modify";
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly SheetsStandIn _sheets = new();
    private readonly GmailStandIn _gmail = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_oauth.StartAsync(), _sheets.StartAsync(), _gmail.StartAsync());
        _sheets.TokenIssuer = _oauth;
        _gmail.TokenIssuer = _oauth;
        _gmail.EmailAddress = Mailbox;
    }

    [Fact]
    public async Task Sync_ServiceAccountKey_SendsASignedJwtBearerAssertionAndAppendsTheRows()
    {
        var environment = SheetsSettings(ServiceAccountSettings(registered: true));
        var db = await ImportSamplesAsync(environment);

        var sync = await CliProcess.RunAsync(environment, "sync", "--db", db);

        Assert.True(sync.ExitCode == 0, sync.StdErr);
        Assert.True(_sheets.Rows().Count > 1, "no row reached the sheet");
        var form = Assert.Single(TokenForms());
        Assert.Equal(JwtBearerGrant, form["grant_type"]);
        var claims = Assert.Single(_oauth.Assertions);
        Assert.Equal(ServiceAccountEmail, claims["iss"]!.GetValue<string>());
        Assert.Equal(Mailbox, claims["sub"]!.GetValue<string>());
        Assert.Equal(SheetsScope, claims["scope"]!.GetValue<string>());
        Assert.Equal(OAuthTokenStandIn.GoogleAudience, claims["aud"]!.GetValue<string>());
        Assert.Equal(ServiceAccountEmail, JwtPart(form["assertion"]!, 1)["iss"]!.GetValue<string>());
        Assert.Equal("RS256", JwtPart(form["assertion"]!, 0)["alg"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportSourceGmail_ServiceAccountKey_ImpersonatesTheMailboxAndReadsIt()
    {
        _gmail.Deliver(Message(1), DateTimeOffset.UtcNow.AddHours(-2));
        _gmail.Deliver(Message(2), DateTimeOffset.UtcNow.AddHours(-1));
        var environment = GmailSettings(ServiceAccountSettings(registered: true));

        var result = await CliProcess.RunAsync(environment, "import", "--source", "gmail", "--db", _temp.File("book.db"), "-q");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("messages read             2", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(JwtBearerGrant, Assert.Single(TokenForms())["grant_type"]);
        var claims = Assert.Single(_oauth.Assertions);
        Assert.Equal(Mailbox, claims["sub"]!.GetValue<string>());
        Assert.Equal(GmailModifyScope, claims["scope"]!.GetValue<string>());
        var token = Assert.Single(_oauth.AccessTokens.Keys);
        Assert.All(_gmail.Requests, r => Assert.Equal("Bearer " + token, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Sync_RefreshTokenCredential_SendsTheRefreshGrantWithTheClientAndAppendsTheRows()
    {
        var environment = SheetsSettings(StandInGoogleCredential.Create(_temp, _oauth, "sync.apps.googleusercontent.com", "1//sync", SheetsScope));
        var db = await ImportSamplesAsync(environment);

        var sync = await CliProcess.RunAsync(environment, "sync", "--db", db);

        Assert.True(sync.ExitCode == 0, sync.StdErr);
        Assert.True(_sheets.Rows().Count > 1, "no row reached the sheet");
        var form = Assert.Single(TokenForms());
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("1//sync", form["refresh_token"]);
        Assert.Equal("sync.apps.googleusercontent.com", form["client_id"]);
        Assert.Equal(StandInGoogleCredential.ClientSecret, form["client_secret"]);
        var token = Assert.Single(_oauth.AccessTokens.Keys);
        Assert.All(_sheets.Requests, r => Assert.Equal("Bearer " + token, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Sync_RefreshTokenRevoked_ExitsSixWithTheConsentScreenFixInOneLine()
    {
        var environment = SheetsSettings(StandInGoogleCredential.Create(_temp, _oauth, "sync.apps.googleusercontent.com", "1//revoked", SheetsScope));
        var db = await ImportSamplesAsync(environment);
        _oauth.RefreshTokens.Clear();

        var sync = await CliProcess.RunAsync(environment, "sync", "--db", db);

        Assert.Equal(6, sync.ExitCode);
        var line = Assert.Single(sync.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("invalid_grant", line, StringComparison.Ordinal);
        Assert.Contains("'In production'", line, StringComparison.Ordinal);
        Assert.Contains("fleetmanager auth google", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sync.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("1//revoked", sync.StdErr + sync.StdOut, StringComparison.Ordinal);
        Assert.Equal("refresh_token", Assert.Single(TokenForms())["grant_type"]);
        Assert.Empty(_sheets.Requests);
    }

    [Fact]
    public async Task ImportSourceGmail_ServiceAccountKeyGoogleDoesNotKnow_ExitsSixWithTheKeyFixInOneLine()
    {
        _gmail.Deliver(Message(1), DateTimeOffset.UtcNow);
        var environment = GmailSettings(ServiceAccountSettings(registered: false));

        var result = await CliProcess.RunAsync(environment, "import", "--source", "gmail", "--db", _temp.File("book.db"), "-q");

        Assert.Equal(6, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("invalid_grant", line, StringComparison.Ordinal);
        Assert.Contains("Cloud console", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.Equal(JwtBearerGrant, Assert.Single(TokenForms())["grant_type"]);
        Assert.Empty(_gmail.Requests);
    }

    /// <summary>
    /// A service-account key file impersonating <see cref="Mailbox"/>, whose public key the token stand-in knows
    /// unless <paramref name="registered"/> is false (a deleted key), and the settings naming it.
    /// </summary>
    private Dictionary<string, string> ServiceAccountSettings(bool registered)
    {
        using var rsa = RSA.Create(2048);
        if (registered)
        {
            var known = RSA.Create();
            known.ImportParameters(rsa.ExportParameters(includePrivateParameters: false));
            _oauth.ServiceAccountKeys[ServiceAccountEmail] = known;
        }

        var keyFile = _temp.File("service-account.json");
        SecretFilePermissions.WriteAllTextPrivate(keyFile, new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "project",
            ["private_key_id"] = "key-1",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ServiceAccountEmail,
            ["client_id"] = "1234567890",
            ["token_uri"] = OAuthTokenStandIn.GoogleAudience,
        }.ToJsonString());
        return new Dictionary<string, string>
        {
            ["FLEETMANAGER__GOOGLE__TOKENURL"] = _oauth.TokenUrl.ToString(),
            ["GMAIL_CREDENTIALS_FILE"] = keyFile,
            ["FLEETMANAGER__GMAIL__USER"] = Mailbox,
        };
    }

    private Dictionary<string, string> SheetsSettings(Dictionary<string, string> credential)
    {
        credential["GOOGLE_SHEETS_SPREADSHEET_ID"] = _sheets.SpreadsheetId;
        credential["FLEETMANAGER__SHEETS__BASEURL"] = _sheets.BaseAddress.ToString();
        credential["FLEETMANAGER__STORAGE__OUTBOXSINKS__0"] = "sheets";
        return credential;
    }

    private Dictionary<string, string> GmailSettings(Dictionary<string, string> credential)
    {
        credential["FLEETMANAGER__GMAIL__BASEURL"] = _gmail.BaseAddress.ToString();
        credential["FLEETMANAGER__GMAIL__RETRYBASEDELAY"] = "00:00:00.010";
        return credential;
    }

    /// <summary>An order book whose outbox holds the samples' orders for the sheet (import itself asks Google nothing).</summary>
    private async Task<string> ImportSamplesAsync(Dictionary<string, string> environment)
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync(environment, "import", RepoPaths.Samples, "--db", db, "-q");
        Assert.True(import.ExitCode == 0, import.StdErr);
        Assert.Equal(0, _oauth.TokenCalls);
        return db;
    }

    /// <summary>The form fields of each token request the executable sent, as the endpoint decoded them.</summary>
    private List<System.Collections.Specialized.NameValueCollection> TokenForms() =>
        _oauth.Requests.Where(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal)).Select(r => HttpUtility.ParseQueryString(r.Body)).ToList();

    private static JsonObject JwtPart(string jwt, int index) =>
        (JsonObject)JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[index]))!;

    private static byte[] Message(int n) => Encoding.UTF8.GetBytes(
        $"From: a@example.com\r\nTo: {Mailbox}\r\nSubject: Auftrag {n}\r\nMessage-ID: <token-{n}@example.com>\r\n\r\nBeladung Berlin, Entladung Hamburg\r\n");

    public async Task DisposeAsync()
    {
        await _gmail.DisposeAsync();
        await _sheets.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();
}
