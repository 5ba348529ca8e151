namespace FleetManager.Core.Http;

/// <summary>
/// Reads the whole response body inside the handler chain, so a body cut short in transit fails
/// where the retry strategy sees it (and retries) instead of later, when the caller parses it. Shared by
/// the Gmail and model clients, whose bodies are small JSON documents.
/// </summary>
public sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
