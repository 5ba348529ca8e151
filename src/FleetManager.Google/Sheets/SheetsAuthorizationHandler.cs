using System.Net.Http.Headers;
using FleetManager.Google.Auth;

namespace FleetManager.Google.Sheets;

/// <summary>
/// Puts <c>Authorization: Bearer</c> on every Sheets request, asking the token provider each attempt
/// (it caches and refreshes), so a retry after a long back-off never goes out with an expired token.
/// </summary>
public sealed class SheetsAuthorizationHandler(IGoogleAccessTokenProvider tokens) : DelegatingHandler
{
    private static readonly string[] Scopes = [SheetsOptions.Scope];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(Scopes, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
