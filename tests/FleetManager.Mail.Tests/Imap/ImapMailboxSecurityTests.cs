using FleetManager.Mail.Imap;
using static FleetManager.Mail.Tests.Imap.ImapTestPipeline;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>TLS, STARTTLS and XOAUTH2 against the real Dovecot.</summary>
[Collection(DovecotCollection.Name)]
public sealed class ImapMailboxSecurityTests(DovecotServer dovecot)
{
    [Fact]
    public async Task PollAsync_TlsWithTheServersPinnedCertificate_ReadsTheMailbox()
    {
        var (user, password) = await dovecot.CreateUserAsync();
        await dovecot.DeliverAsync(user, password, Messages("tls", 2));
        var options = dovecot.Options(user, password);
        options.Security = ImapSecurity.Tls;
        options.Port = dovecot.ImapsPort;
        options.TrustedCertificateFile = dovecot.CertificateFile;
        await using var mailbox = new ImapMailbox(options);

        var summary = await Poller(new MemoryOrderBook(), new MemoryCursorStore()).PollAsync(mailbox, null, CancellationToken.None);

        Assert.Equal(2, summary.MessagesRead);
    }

    [Fact]
    public async Task PollAsync_StartTls_ReadsTheMailbox()
    {
        var (user, password) = await dovecot.CreateUserAsync();
        await dovecot.DeliverAsync(user, password, Messages("starttls", 1));
        var options = dovecot.Options(user, password);
        options.Security = ImapSecurity.StartTls;
        options.TrustedCertificateFile = dovecot.CertificateFile;
        await using var mailbox = new ImapMailbox(options);

        var summary = await Poller(new MemoryOrderBook(), new MemoryCursorStore()).PollAsync(mailbox, null, CancellationToken.None);

        Assert.Equal(1, summary.MessagesRead);
    }

    [Fact]
    public async Task PollAsync_SelfSignedCertificateNotTrusted_ThrowsTheConfigurationException()
    {
        var (user, password) = await dovecot.CreateUserAsync();
        var options = dovecot.Options(user, password);
        options.Security = ImapSecurity.Tls;
        options.Port = dovecot.ImapsPort;
        await using var mailbox = new ImapMailbox(options);

        var error = await Assert.ThrowsAsync<ImapConfigurationException>(() => Poller(new MemoryOrderBook(), new MemoryCursorStore()).PollAsync(mailbox, null, CancellationToken.None));

        Assert.Contains("Imap:TrustedCertificateFile", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_OAuth2_LogsInWithXOAuth2AndTheProvidersToken()
    {
        // The fixture's passdb checks an XOAUTH2 token like a password, so the user's password is its token.
        var (user, token) = await dovecot.CreateUserAsync();
        await dovecot.DeliverAsync(user, token, Messages("oauth", 1));
        var options = dovecot.Options(user, password: "");
        options.Authentication = ImapAuthentication.OAuth2;
        options.Password = null;
        var tokens = new RecordingTokenProvider(token);
        await using var mailbox = new ImapMailbox(options, accessTokens: tokens);

        var summary = await Poller(new MemoryOrderBook(), new MemoryCursorStore()).PollAsync(mailbox, null, CancellationToken.None);

        Assert.Equal(1, summary.MessagesRead);
        Assert.Equal([(user, false)], tokens.Requests);
    }

    [Fact]
    public async Task PollAsync_OAuth2TokenRefusedTwice_AsksForAFreshTokenThenThrowsTheAuthenticationException()
    {
        var (user, _) = await dovecot.CreateUserAsync();
        var options = dovecot.Options(user, password: "");
        options.Authentication = ImapAuthentication.OAuth2;
        options.Password = null;
        var tokens = new RecordingTokenProvider("revoked-token");
        await using var mailbox = new ImapMailbox(options, accessTokens: tokens);

        var error = await Assert.ThrowsAsync<ImapAuthenticationException>(() => Poller(new MemoryOrderBook(), new MemoryCursorStore()).PollAsync(mailbox, null, CancellationToken.None));

        Assert.Equal([(user, false), (user, true)], tokens.Requests);
        Assert.Contains("Authorize", error.Fix, StringComparison.Ordinal);
    }

    private sealed class RecordingTokenProvider(string token) : IImapAccessTokenProvider
    {
        public List<(string User, bool ForceRefresh)> Requests { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(string username, bool forceRefresh, CancellationToken cancellationToken)
        {
            Requests.Add((username, forceRefresh));
            return ValueTask.FromResult(token);
        }
    }
}
