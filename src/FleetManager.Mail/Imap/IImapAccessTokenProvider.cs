namespace FleetManager.Mail.Imap;

/// <summary>Gives the OAuth 2.0 access token used for SASL XOAUTH2 when <see cref="ImapOptions.Authentication"/> is <see cref="ImapAuthentication.OAuth2"/>.</summary>
public interface IImapAccessTokenProvider
{
    /// <summary>
    /// A valid access token for <paramref name="username"/>. <paramref name="forceRefresh"/> is true after
    /// the server refused the previous token: return a fresh one rather than a cached one.
    /// </summary>
    /// <exception cref="ImapAuthenticationException">No token can be had (revoked or missing credential): the source stops.</exception>
    ValueTask<string> GetAccessTokenAsync(string username, bool forceRefresh, CancellationToken cancellationToken);
}
