namespace FleetManager.Mail.Imap;

/// <summary>How FleetManager logs in to the IMAP server.</summary>
public enum ImapAuthentication
{
    /// <summary><see cref="ImapOptions.Username"/> and <see cref="ImapOptions.Password"/> (the server's best offered mechanism).</summary>
    Password,

    /// <summary>SASL XOAUTH2 with an access token from the registered <see cref="IImapAccessTokenProvider"/> (Gmail, Microsoft 365).</summary>
    OAuth2,
}
