using FleetManager.Core.Pipeline;
using FleetManager.Google.Gmail;
using FleetManager.Mail.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Sources;

/// <summary>
/// The <c>imap</c> kind: a source's <c>Imap:*</c> settings laid over the top-level <c>Imap</c> section
/// (docs/imap.md). With <c>Imap:Authentication=OAuth2</c> the XOAUTH2 token comes from the Google
/// credential (<c>Gmail:CredentialsFile</c>, authorised by <c>fleetmanager auth google</c> with the
/// <c>https://mail.google.com/</c> scope): Gmail over IMAP, the case that needs it.
/// </summary>
internal sealed class ImapMailboxFactory(IConfiguration configuration, SharedGoogleCredential google, IOptionsMonitor<ImapOptions> sources) : IMailboxFactory
{
    /// <summary>The scope Google requires for IMAP access.</summary>
    internal const string GoogleMailScope = GmailOptions.FullMailScope;

    public string Kind => "imap";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section)
    {
        List<string> failures;
        try
        {
            _ = Options(section);
            failures = [];
        }
        catch (OptionsValidationException ex)
        {
            failures = ex.Failures.ToList();
        }

        if (UsesOAuth(section) && !google.IsConfigured)
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

    /// <summary>The source's options, named by its section's path and bound in <c>ServiceComposition</c> (<see cref="ImapOptionsSection"/>).</summary>
    /// <exception cref="OptionsValidationException">The source's IMAP settings are missing or invalid.</exception>
    private ImapOptions Options(IConfigurationSection section) => sources.Get(section.Path);

    /// <summary>The <c>Imap</c> section a source's options are bound from: its own <c>Imap:*</c> over the top-level <c>Imap</c>.</summary>
    public static IConfiguration ImapOptionsSection(IConfiguration configuration, IConfigurationSection section) =>
        SourceConfiguration.Overlay(configuration, section, ImapOptions.SectionName).GetSection(ImapOptions.SectionName);

    /// <summary>Read without validation, so the OAuth hint is given even beside other failures.</summary>
    private bool UsesOAuth(IConfigurationSection section) =>
        Enum.TryParse<ImapAuthentication>(ImapOptionsSection(configuration, section)[nameof(ImapOptions.Authentication)], ignoreCase: true, out var authentication)
        && authentication == ImapAuthentication.OAuth2;
}
