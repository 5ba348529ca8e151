namespace FleetManager.Mail.Imap;

/// <summary>An access token obtained elsewhere (a sidecar that refreshes it, a test): always the same one.</summary>
public sealed class StaticImapAccessTokenProvider(string accessToken) : IImapAccessTokenProvider
{
    public ValueTask<string> GetAccessTokenAsync(string username, bool forceRefresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult(accessToken);
}
