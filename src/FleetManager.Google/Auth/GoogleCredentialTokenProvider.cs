using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;

namespace FleetManager.Google.Auth;

/// <summary>
/// Access tokens from the configured credential file, whichever kind it is: an installed-app client
/// secret plus the stored refresh token (<see cref="UserCredential"/>), or a service-account key
/// impersonating a Workspace user (<see cref="ServiceAccountCredential"/>). Google.Apis.Auth caches the
/// token and refreshes it shortly before it expires, against <see cref="GoogleOptions.TokenUrl"/>.
/// </summary>
/// <remarks>
/// A refused credential (<c>invalid_grant</c> and kin) is remembered: every later call throws the same
/// <see cref="GoogleAuthorizationException"/> without asking Google again, so nothing retries it in a loop.
/// Transient token-endpoint failures surface as <see cref="HttpRequestException"/> for the caller's retry policy.
/// </remarks>
public sealed class GoogleCredentialTokenProvider : IGoogleAccessTokenProvider, IDisposable
{
    private readonly GoogleOptions _google;
    private readonly string _credentialsFile;
    private readonly string _tokenFile;
    private readonly string _user;
    private readonly TimeProviderClock _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ITokenAccess> _credentials = new(StringComparer.Ordinal);
    private GoogleCredentialFile? _file;
    private GoogleAuthorizationException? _fatal;

    /// <param name="google">The token endpoint.</param>
    /// <param name="credentialsFile">Client secret JSON or service-account key JSON.</param>
    /// <param name="tokenFile">The stored refresh token (installed app only).</param>
    /// <param name="user">The mailbox: with a service account, the Workspace user to impersonate (not <c>me</c>).</param>
    /// <param name="timeProvider">The clock judging token expiry.</param>
    public GoogleCredentialTokenProvider(GoogleOptions google, string credentialsFile, string tokenFile, string user, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(google);
        _google = google;
        _credentialsFile = credentialsFile;
        _tokenFile = tokenFile;
        _user = user;
        _clock = new TimeProviderClock(timeProvider);
    }

    /// <summary>The kind of the credential file, once read (null before the first token).</summary>
    public GoogleCredentialKind? Kind => _file?.Kind;

    public async ValueTask<string> GetAccessTokenAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var credential = await CredentialForAsync(scopes, cancellationToken).ConfigureAwait(false);
        return await TranslatingTokenErrorsAsync(() => credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<string> RefreshAccessTokenAsync(IReadOnlyCollection<string> scopes, string rejectedToken, CancellationToken cancellationToken)
    {
        var credential = await CredentialForAsync(scopes, cancellationToken).ConfigureAwait(false);
        return await TranslatingTokenErrorsAsync(async () =>
        {
            // Under the gate: requests refused together with the same token cause one refresh, not one each.
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                switch (credential)
                {
                    case UserCredential user when user.Token?.AccessToken is null || user.Token.AccessToken == rejectedToken:
                        await user.RefreshTokenAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case ServiceAccountCredential service when service.Token?.AccessToken is null || service.Token.AccessToken == rejectedToken:
                        await service.RequestAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            finally
            {
                _gate.Release();
            }

            return await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async ValueTask<ITokenAccess> CredentialForAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (_fatal is not null)
        {
            throw _fatal;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return GetCredential(scopes);
        }
        catch (GoogleAuthorizationException exception)
        {
            _fatal = exception;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> TranslatingTokenErrorsAsync(Func<Task<string>> tokenCall)
    {
        try
        {
            return await tokenCall().ConfigureAwait(false);
        }
        catch (TokenResponseException exception)
        {
            var translated = GoogleTokenErrors.Translate(exception, _file!.Kind);
            if (translated is GoogleAuthorizationException fatal)
            {
                _fatal = fatal;
            }

            throw translated;
        }
    }

    private ITokenAccess GetCredential(IReadOnlyCollection<string> scopes)
    {
        _file ??= GoogleCredentialFile.Load(_credentialsFile);
        var key = string.Join(' ', scopes.Order(StringComparer.Ordinal));
        if (_credentials.TryGetValue(key, out var cached))
        {
            return cached;
        }

        ITokenAccess created = _file.Kind == GoogleCredentialKind.InstalledApp ? CreateUserCredential(_file, scopes) : CreateServiceAccountCredential(_file, scopes);
        _credentials[key] = created;
        return created;
    }

    private UserCredential CreateUserCredential(GoogleCredentialFile file, IReadOnlyCollection<string> scopes)
    {
        var stored = RefreshTokenFile.Read(_tokenFile);
        var flow = new GoogleAuthorizationCodeFlow(new ConfigurableGoogleFlowInitializer(_google)
        {
            ClientSecrets = new ClientSecrets { ClientId = file.ClientId, ClientSecret = file.ClientSecret },
            Scopes = scopes,
            Clock = _clock,
            // Retries belong to the caller's one resilience policy; invalid_grant must never be repeated.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        });
        return new UserCredential(flow, "fleetmanager", new TokenResponse { RefreshToken = stored.RefreshToken });
    }

    private ServiceAccountCredential CreateServiceAccountCredential(GoogleCredentialFile file, IReadOnlyCollection<string> scopes)
    {
        if (string.IsNullOrWhiteSpace(_user) || _user == "me")
        {
            throw new GoogleAuthorizationException(
                "A service account has no mailbox of its own: it must impersonate a Workspace user.",
                "Set Gmail:User to the address of the mailbox to read (and grant domain-wide delegation, docs/gmail.md).");
        }

        var initializer = new ServiceAccountCredential.Initializer(file.ClientId, _google.TokenUrl.ToString())
        {
            User = _user,
            Scopes = scopes,
            Clock = _clock,
            KeyId = file.PrivateKeyId,
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        };
        try
        {
            return new ServiceAccountCredential(initializer.FromPrivateKey(file.PrivateKey!));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new GoogleAuthorizationException(
                $"The service-account key in '{_credentialsFile}' cannot be read ({exception.Message}).",
                "Download a new JSON key for the service account from the Cloud console.", exception);
        }
    }

    public void Dispose() => _gate.Dispose();
}
