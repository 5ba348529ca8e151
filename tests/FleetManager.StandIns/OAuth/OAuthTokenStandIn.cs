using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.OAuth;

/// <summary>
/// Stand-in for Google's OAuth token endpoint (<c>POST /token</c>, form-encoded), as google-apis.md §0
/// describes it: <c>refresh_token</c>, <c>authorization_code</c> and service-account <c>jwt-bearer</c>
/// grants answer <c>{"access_token","expires_in":3599,"scope","token_type":"Bearer"}</c>; an unknown or
/// revoked refresh token answers 400 <c>invalid_grant</c>. As Google does, the user grants require the OAuth
/// client's <c>client_id</c> and <c>client_secret</c> (form fields or HTTP Basic; 401 <c>invalid_client</c>
/// otherwise), and a service-account assertion must be an RS256 JWT signed by a key registered for its
/// <c>iss</c>, addressed to Google's token audience, naming its scopes and living at most an hour (400 <c>invalid_grant</c> otherwise).
/// Access tokens expire on <see cref="Clock"/>, which the test controls; the API stand-ins given this server as
/// their token issuer accept only its live tokens.
/// </summary>
public sealed class OAuthTokenStandIn : StandInServer
{
    private int _issued;

    /// <summary>The 400 answer Google gives a dead refresh token (the 7-day "Testing" trap), for <see cref="StandInServer.Faults"/>.</summary>
    public static Fault InvalidGrant { get; } = new Fault.Status(400,
        """{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""");

    /// <summary>Refresh tokens the endpoint accepts (add one per test; remove to "revoke").</summary>
    public ConcurrentDictionary<string, string> RefreshTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Authorization codes the endpoint accepts, each with the refresh token it yields.</summary>
    public ConcurrentDictionary<string, string> AuthorizationCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every access token issued, with its scope and expiry (see <see cref="Check"/>).</summary>
    public ConcurrentDictionary<string, IssuedAccessToken> AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>OAuth clients (<c>client_id</c> → <c>client_secret</c>) the user grants accept.</summary>
    public ConcurrentDictionary<string, string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Public keys of service accounts, by <c>client_email</c> (the assertion's <c>iss</c>).</summary>
    public ConcurrentDictionary<string, RSA> ServiceAccountKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The server's clock, judging access-token expiry (a test moves it to expire tokens early).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long an issued access token lives (Google: 3599 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>The claims of each service-account assertion received (iss, sub, scope, aud ...).</summary>
    public ConcurrentQueue<JsonObject> Assertions { get; } = new();

    /// <summary>Service-account users (<c>sub</c>) refused with 401 <c>unauthorized_client</c> (no domain-wide delegation).</summary>
    public ConcurrentDictionary<string, bool> UndelegatedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The audience Google requires in a service-account assertion, whatever URL it is posted to.</summary>
    public const string GoogleAudience = "https://oauth2.googleapis.com/token";

    /// <summary>The token URL to configure (<c>Google:TokenUrl</c>).</summary>
    public Uri TokenUrl => new(BaseAddress, "token");

    /// <summary>Token calls made (faulted ones included).</summary>
    public int TokenCalls => Requests.Count(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal));

    protected override void Map(WebApplication app) => app.MapPost("/token", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grant = form["grant_type"].ToString();
        if (grant is "refresh_token" or "authorization_code" && ClientError(context, form) is { } clientError)
        {
            await ErrorAsync(context, 401, "invalid_client", clientError).ConfigureAwait(false);
            return;
        }

        switch (grant)
        {
            case "refresh_token" when RefreshTokens.ContainsKey(form["refresh_token"].ToString()):
                await IssueAsync(context, RefreshTokens[form["refresh_token"].ToString()], null).ConfigureAwait(false);
                return;
            case "refresh_token":
                await ErrorAsync(context, 400, "invalid_grant", "Token has been expired or revoked.").ConfigureAwait(false);
                return;
            case "authorization_code" when AuthorizationCodes.TryRemove(form["code"].ToString(), out var refresh):
                RefreshTokens[refresh] = "https://www.googleapis.com/auth/gmail.modify";
                await IssueAsync(context, RefreshTokens[refresh], refresh).ConfigureAwait(false);
                return;
            case "authorization_code":
                await ErrorAsync(context, 400, "invalid_grant", "Malformed auth code.").ConfigureAwait(false);
                return;
            case "urn:ietf:params:oauth:grant-type:jwt-bearer":
                var claims = VerifiedClaims(form["assertion"].ToString(), out var refusal);
                if (claims is null)
                {
                    await ErrorAsync(context, 400, "invalid_grant", refusal).ConfigureAwait(false);
                    return;
                }

                Assertions.Enqueue(claims);
                if (claims["sub"]?.GetValue<string>() is { } sub && UndelegatedUsers.ContainsKey(sub))
                {
                    await ErrorAsync(context, 401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method.").ConfigureAwait(false);
                    return;
                }

                await IssueAsync(context, claims["scope"]?.GetValue<string>() ?? "", null).ConfigureAwait(false);
                return;
            default:
                await ErrorAsync(context, 400, "unsupported_grant_type", "Invalid grant_type: " + grant).ConfigureAwait(false);
                return;
        }
    }

    private async Task IssueAsync(HttpContext context, string scope, string? refreshToken)
    {
        var token = "ya29.stand-in-" + Interlocked.Increment(ref _issued);
        AccessTokens[token] = new IssuedAccessToken(scope, Clock.GetUtcNow() + TokenLifetime);
        var body = new JsonObject { ["access_token"] = token, ["expires_in"] = (int)TokenLifetime.TotalSeconds, ["scope"] = scope, ["token_type"] = "Bearer" };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Judges an API request's <c>Authorization</c> header as Google does: null when it carries a live token
    /// issued here whose scopes include one of <paramref name="acceptedScopes"/>; otherwise the refusal
    /// (401 for a missing, unknown or expired token, 403 for a token without the scope).
    /// </summary>
    public (int Status, string Message)? Check(string authorization, params string[] acceptedScopes)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            return (401, "Request is missing required authentication credential.");
        }

        if (!AccessTokens.TryGetValue(authorization["Bearer ".Length..], out var issued) || issued.ExpiresAt <= Clock.GetUtcNow())
        {
            return (401, "Request had invalid authentication credentials. Expected OAuth 2 access token.");
        }

        var granted = issued.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return acceptedScopes.Length == 0 || acceptedScopes.Any(granted.Contains)
            ? null
            : (403, "Request had insufficient authentication scopes.");
    }

    /// <summary>Null when the request names a registered client with its secret (form fields or HTTP Basic).</summary>
    private string? ClientError(HttpContext context, IFormCollection form)
    {
        var id = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var basic)
            && basic.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && basic.Parameter is not null)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter)).Split(':', 2);
            (id, secret) = (Uri.UnescapeDataString(pair[0]), pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : "");
        }

        if (id.Length == 0 || !Clients.TryGetValue(id, out var expected))
        {
            return "The OAuth client was not found.";
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret)) ? null : "Unauthorized";
    }

    /// <summary>The assertion's claims when it is an RS256 JWT signed by the key registered for its issuer, for this endpoint, with scopes, living at most an hour.</summary>
    private JsonObject? VerifiedClaims(string assertion, out string refusal)
    {
        refusal = "Invalid JWT Signature.";
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            var claims = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != "RS256" || claims?["iss"]?.GetValue<string>() is not { } issuer
                || !ServiceAccountKeys.TryGetValue(issuer, out var key)
                || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return null;
            }

            if (claims["aud"]?.GetValue<string>() != GoogleAudience)
            {
                refusal = "Invalid audience: " + claims["aud"];
                return null;
            }

            // Google answers a service-account assertion without scopes (and without a target audience) this way.
            if (string.IsNullOrWhiteSpace(claims["scope"]?.GetValue<string>()))
            {
                refusal = "Invalid JWT: missing scope.";
                return null;
            }

            var lifetime = claims["exp"]?.GetValue<long>() - claims["iat"]?.GetValue<long>();
            if (lifetime is null or <= 0 or > 3600)
            {
                refusal = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";
                return null;
            }

            return claims;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }
}
