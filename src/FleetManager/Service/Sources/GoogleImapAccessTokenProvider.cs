using FleetManager.Google.Auth;
using FleetManager.Mail.Imap;

namespace FleetManager.Service.Sources;

/// <summary>XOAUTH2 with the Google credential; a revoked credential stops the source as an authentication failure.</summary>
internal sealed class GoogleImapAccessTokenProvider(IGoogleAccessTokenProvider google) : IImapAccessTokenProvider
{
    public async ValueTask<string> GetAccessTokenAsync(string username, bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            return await google.GetAccessTokenAsync([ImapMailboxFactory.GoogleMailScope], cancellationToken).ConfigureAwait(false);
        }
        catch (GoogleAuthorizationException ex)
        {
            throw new ImapAuthenticationException(ex.Message,
                "run 'fleetmanager auth google' again, with https://mail.google.com/ in Gmail:Scopes, for the account in Imap:Username.", ex);
        }
    }
}
