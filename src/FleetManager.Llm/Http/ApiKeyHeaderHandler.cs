namespace FleetManager.Llm.Http;

/// <summary>
/// Adds the API key to every request: Gemini's <c>x-goog-api-key</c> header or an OpenAI-style
/// <c>Authorization: Bearer</c>. The key is read per request from options and never logged.
/// </summary>
public sealed class ApiKeyHeaderHandler(Func<string?> key, bool bearer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (key() is { Length: > 0 } value)
        {
            if (bearer)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", value);
            }
            else
            {
                request.Headers.Remove("x-goog-api-key");
                request.Headers.TryAddWithoutValidation("x-goog-api-key", value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
