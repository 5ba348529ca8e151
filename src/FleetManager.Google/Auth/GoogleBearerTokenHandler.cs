using System.Net.Http.Headers;

namespace FleetManager.Google.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to each attempt of a request, from <see cref="IGoogleAccessTokenProvider"/>
/// (which caches and refreshes the token). Sits inside the retry policy, so a long back-off never sends a stale token.
/// </summary>
public sealed class GoogleBearerTokenHandler(IGoogleAccessTokenProvider tokens, IReadOnlyCollection<string> scopes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetAccessTokenAsync(scopes, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
