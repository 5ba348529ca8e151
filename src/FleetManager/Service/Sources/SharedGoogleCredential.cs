using FleetManager.Core.Pipeline;
using FleetManager.Google;
using FleetManager.Google.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Service.Sources;

/// <summary>
/// The service's one Google credential (<c>Gmail:CredentialsFile</c> and its token file, as
/// <c>fleetmanager auth google</c> wrote them), for the adapters that are not a Gmail source: the Sheets
/// sink and IMAP with XOAUTH2. It is the keyed token provider <see cref="Name"/> of the service's container
/// (<c>AddGoogleCredential</c>), resolved on first use, so a service without Google settings never touches it.
/// </summary>
internal sealed class SharedGoogleCredential(IConfiguration configuration, IServiceProvider services) : IGoogleAccessTokenProvider
{
    /// <summary>The name of the shared credential's options and the key of its token provider.</summary>
    public const string Name = "shared";

    /// <summary>What to do when no credential file is set: the one wording of the service, <c>sync</c> and the start-up check.</summary>
    public const string MissingFix =
        "Set GMAIL_CREDENTIALS_FILE (Gmail:CredentialsFile) to the OAuth client or service-account file and run 'fleetmanager auth google' (docs/sheets.md, docs/gmail.md).";

    public bool IsConfigured => IsConfiguredIn(configuration);

    /// <summary>Whether <paramref name="configuration"/> names a credential file.</summary>
    public static bool IsConfiguredIn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Gmail:CredentialsFile"]);

    /// <exception cref="SourceConfigurationException">No credential file is configured.</exception>
    /// <exception cref="GoogleAuthorizationException">The credential is missing, expired or revoked.</exception>
    public ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken) =>
        IsConfigured
            ? Provider().GetAccessTokenAsync(scopes, cancellationToken)
            : throw new SourceConfigurationException(
                "No Google credential is configured.", MissingFix);

    public ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken) =>
        Provider().RefreshAccessTokenAsync(scopes, rejectedToken, cancellationToken);

    private IGoogleAccessTokenProvider Provider() =>
        services.GetRequiredKeyedService<IGoogleAccessTokenProvider>(GmailServiceCollectionExtensions.CredentialKey(Name));
}
