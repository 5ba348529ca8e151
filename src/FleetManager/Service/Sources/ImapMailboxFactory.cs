using FleetManager.Core.Pipeline;
using FleetManager.Mail.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service;

/// <summary>
/// The <c>imap</c> kind: a source's <c>Imap:*</c> settings laid over the top-level <c>Imap</c> section
/// (docs/imap.md). With <c>Imap:Authentication=OAuth2</c> the XOAUTH2 token comes from the Google
/// credential (<c>Gmail:CredentialsFile</c>, authorised by <c>fleetmanager auth google</c> with the
/// <c>https://mail.google.com/</c> scope): Gmail over IMAP, the case that needs it.
/// </summary>
internal sealed class ImapMailboxFactory(IConfiguration configuration, SharedGoogleCredential google) : IMailboxFactory
{
    /// <summary>The scope Google requires for IMAP access.</summary>
    internal const string GoogleMailScope = "https://mail.google.com/";

    public string Kind => "imap";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section)
    {
        var options = Options(section);
        var failures = new ImapOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
        if (options.Authentication == ImapAuthentication.OAuth2 && !google.IsConfigured)
        {
            failures.Add("Imap:Authentication=OAuth2 takes its token from the Google credential: set Gmail:CredentialsFile (GMAIL_CREDENTIALS_FILE) and run 'fleetmanager auth google'.");
        }

        return failures;
    }

    public IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services)
    {
        var options = Options(section);
        var tokens = options.Authentication == ImapAuthentication.OAuth2 ? new GoogleImapAccessTokenProvider(google) : null;
        return new ImapMailbox(options, services.GetRequiredService<ILogger<ImapMailbox>>(), services.GetRequiredService<TimeProvider>(), tokens);
    }

    private ImapOptions Options(IConfigurationSection section)
    {
        var options = new ImapOptions();
        SourceConfiguration.Overlay(configuration, section, ImapOptions.SectionName).GetSection(ImapOptions.SectionName).Bind(options);
        return options;
    }
}
