using FleetManager.Core.Pipeline;
using FleetManager.Google;
using FleetManager.Google.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service.Sources;

/// <summary>
/// The service's one Google credential (<c>Gmail:CredentialsFile</c> and its token file, as
/// <c>fleetmanager auth google</c> wrote them), for the adapters that are not a Gmail source: the Sheets
/// sink and IMAP with XOAUTH2. Built on first use, so a service without Google settings never touches it.
/// </summary>
internal sealed class SharedGoogleCredential(IConfiguration configuration, ILoggerFactory loggers, TimeProvider time) : IGoogleAccessTokenProvider, IDisposable
{
    private readonly Lock _gate = new();
    private ServiceProvider? _services;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration["Gmail:CredentialsFile"]);

    /// <exception cref="SourceConfigurationException">No credential file is configured.</exception>
    /// <exception cref="GoogleAuthorizationException">The credential is missing, expired or revoked.</exception>
    public ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken) =>
        IsConfigured
            ? Provider().GetAccessTokenAsync(scopes, cancellationToken)
            : throw new SourceConfigurationException(
                "No Google credential is configured.",
                "Set GMAIL_CREDENTIALS_FILE (Gmail:CredentialsFile) to the OAuth client or service-account file and run 'fleetmanager auth google' (docs/gmail.md).");

    public ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken) =>
        Provider().RefreshAccessTokenAsync(scopes, rejectedToken, cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            _services?.Dispose();
            _services = null;
        }
    }

    private IGoogleAccessTokenProvider Provider()
    {
        lock (_gate)
        {
            _services ??= new ServiceCollection()
                .AddSingleton(loggers)
                .AddSingleton(time)
                .AddGmail(configuration)
                .BuildServiceProvider();
            return _services.GetRequiredKeyedService<IGoogleAccessTokenProvider>(GmailServiceCollectionExtensions.TokenProviderKey);
        }
    }
}
