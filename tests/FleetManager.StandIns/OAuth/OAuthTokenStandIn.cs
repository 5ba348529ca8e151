using System.Collections.Concurrent;
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
/// revoked refresh token answers 400 <c>invalid_grant</c>. The assertion's signature is not checked; its
/// claims are recorded.
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

    /// <summary>Every access token issued (the Gmail stand-in may accept only these).</summary>
    public ConcurrentDictionary<string, string> AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The claims of each service-account assertion received (iss, sub, scope, aud ...).</summary>
    public ConcurrentQueue<JsonObject> Assertions { get; } = new();

    /// <summary>Service-account users (<c>sub</c>) refused with 401 <c>unauthorized_client</c> (no domain-wide delegation).</summary>
    public ConcurrentDictionary<string, bool> UndelegatedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The token URL to configure (<c>Google:TokenUrl</c>).</summary>
    public Uri TokenUrl => new(BaseAddress, "token");

    /// <summary>Token calls made (faulted ones included).</summary>
    public int TokenCalls => Requests.Count(r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal));

    protected override void Map(WebApplication app) => app.MapPost("/token", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grant = form["grant_type"].ToString();
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
                var claims = DecodeClaims(form["assertion"].ToString());
                if (claims is null)
                {
                    await ErrorAsync(context, 400, "invalid_grant", "Invalid JWT Signature.").ConfigureAwait(false);
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
        AccessTokens[token] = scope;
        var body = new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["scope"] = scope, ["token_type"] = "Bearer" };
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

    private static JsonObject? DecodeClaims(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))) as JsonObject;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
