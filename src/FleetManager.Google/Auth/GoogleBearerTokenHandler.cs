using System.Net;
using System.Net.Http.Headers;

namespace FleetManager.Google.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to each attempt of a request, from <see cref="IGoogleAccessTokenProvider"/>
/// (which caches and refreshes the token). Sits inside the retry policy, so a long back-off never sends a stale token.
/// </summary>
/// <remarks>
/// Google can refuse a token before the expiry it announced (revoked, or this machine's clock is behind). As
/// Google's own client libraries do, a 401 is answered by one refresh and one resend; a second 401 goes to the
/// client, which reports it as a credential to fix. Every request body the clients send is buffered
/// (JSON or form content), so it can be sent twice.
/// </remarks>
public sealed class GoogleBearerTokenHandler(IGoogleAccessTokenProvider tokens, IReadOnlyCollection<string> scopes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetAccessTokenAsync(scopes, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var fresh = await tokens.RefreshAccessTokenAsync(scopes, token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
