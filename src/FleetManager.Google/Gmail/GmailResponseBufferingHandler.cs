namespace FleetManager.Google.Gmail;

/// <summary>
/// Reads each response body completely inside the retry policy: a connection dropped halfway through a
/// body (a truncated response) then fails this attempt, which is retried, instead of failing later in
/// the caller's JSON read, where no policy sees it. Gmail bodies are small JSON documents.
/// </summary>
internal sealed class GmailResponseBufferingHandler : DelegatingHandler
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
