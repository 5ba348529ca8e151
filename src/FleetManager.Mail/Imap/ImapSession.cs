using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace FleetManager.Mail.Imap;

/// <summary>
/// The one connection of an <see cref="ImapMailbox"/>: connect (TLS, STARTTLS or plain, with a trusted
/// self-signed certificate), authenticate (password or XOAUTH2 with one token refresh), open the folder,
/// and run every operation under one gate with the reconnect-once and poison-message rules. The read, the
/// acknowledger and the IDLE waiter all go through <see cref="RunAsync"/>, so no two commands overlap.
/// </summary>
internal sealed class ImapSession : IAsyncDisposable, IDisposable
{
    private readonly ImapOptions _options;
    private readonly IImapAccessTokenProvider? _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly X509Certificate2? _trustedCertificate;
    private readonly Func<IProtocolLogger?> _protocolLoggerFactory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IMailFolder> _targets = new(StringComparer.Ordinal);
    private ImapClient? _client;
    private IMailFolder? _folder;

    public ImapSession(string name, ImapOptions options, ILogger logger, TimeProvider time, IImapAccessTokenProvider? tokens, Func<IProtocolLogger?> protocolLoggerFactory)
    {
        Name = name;
        _options = options;
        _logger = logger;
        _time = time;
        _tokens = tokens;
        _protocolLoggerFactory = protocolLoggerFactory;
        if (!string.IsNullOrEmpty(options.TrustedCertificateFile))
        {
            _trustedCertificate = X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificateFile);
        }
    }

    /// <summary>The mailbox's name, for the log and error messages.</summary>
    public string Name { get; }

    /// <summary>Read-only when nothing is ever flagged or moved, so a read-only account works too.</summary>
    public FolderAccess Access => _options.After == ImapAfterCommit.None ? FolderAccess.ReadOnly : FolderAccess.ReadWrite;

    /// <summary>
    /// Closes the connection without the polite LOGOUT (which needs a round trip): for a synchronous dispose, e.g. a
    /// container disposed without <c>await</c>. The server drops the session on its own.
    /// </summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            Reset();
            _trustedCertificate?.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                    await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or ImapProtocolException or OperationCanceledException or SocketException)
                {
                    // Leaving anyway: the server drops the session on its own.
                }
            }

            Reset();
            _trustedCertificate?.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The SASL mechanism for OAuth 2.0: XOAUTH2 (Gmail, Microsoft 365, Dovecot).</summary>
    internal static SaslMechanism OAuthMechanism(string username, string accessToken) => new SaslMechanismOAuth2(username, accessToken);

    /// <summary>
    /// Runs one operation on the open folder under the gate. A broken connection is reset; an operation
    /// on a connection kept since an earlier call is tried once more on a new one (the server may have
    /// dropped it while idle), any other failure is <see cref="ImapUnavailableException"/>.
    /// </summary>
    /// <param name="onPoison">
    /// For an operation on one message: what to return when the operation itself (not connecting)
    /// broke two sessions in a row, once on a fresh one. Such a message is what breaks the connection
    /// (Dovecot drops the session when it cannot read a stored file), and retrying it on every poll
    /// would stop the mailbox for good.
    /// </param>
    public async Task<T> RunAsync<T>(Func<ImapClient, IMailFolder, CancellationToken, Task<T>> operation, CancellationToken cancellationToken, Func<Exception, T>? onPoison = null)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var operationFaults = 0;
            for (var attempt = 0; ; attempt++)
            {
                var reused = IsOpen;
                var connected = false;
                try
                {
                    var (client, folder) = await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
                    connected = true;
                    return await operation(client, folder, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionFault(ex, cancellationToken))
                {
                    ImapLog.ConnectionLost(_logger, Name, ex.GetType().Name + ": " + ex.Message);
                    Reset();
                    operationFaults += connected ? 1 : 0;
                    if (onPoison is not null && operationFaults == 2)
                    {
                        return onPoison(ex);
                    }

                    if (attempt == 0 && (reused || (onPoison is not null && connected)))
                    {
                        continue;
                    }

                    throw new ImapUnavailableException($"IMAP server {_options.Host}:{_options.EffectivePort} is unavailable ({ex.Message}).", ex);
                }
                catch (OperationCanceledException)
                {
                    // MailKit leaves a command cut short in an unknown state: start afresh next time.
                    Reset();
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsOpen => _client is { IsConnected: true, IsAuthenticated: true } && _folder is { IsOpen: true };

    private static bool IsConnectionFault(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException or SocketException or TimeoutException or ImapProtocolException or ImapCommandException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or FolderNotOpenException => true,
        _ => false,
    };

    private async Task<(ImapClient Client, IMailFolder Folder)> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return (_client!, _folder!);
        }

        Reset();
        var client = new ImapClient(_protocolLoggerFactory() ?? new NullProtocolLogger()) { Timeout = (int)Math.Min(int.MaxValue, _options.CommandTimeout.TotalMilliseconds) };
        if (_trustedCertificate is not null)
        {
            client.ServerCertificateValidationCallback = AcceptTrustedCertificate;
        }

        _client = client;
        try
        {
            await ConnectAsync(client, cancellationToken).ConfigureAwait(false);
            await AuthenticateAsync(client, cancellationToken).ConfigureAwait(false);
            var folder = await OpenFolderAsync(client, cancellationToken).ConfigureAwait(false);
            _folder = folder;
            ImapLog.Connected(_logger, Name, _options.Security, folder.UidValidity, folder.Count);
            return (client, folder);
        }
        catch
        {
            Reset();
            throw;
        }
    }

    private async Task ConnectAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var socketOptions = _options.Security switch
        {
            ImapSecurity.Tls => SecureSocketOptions.SslOnConnect,
            ImapSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(_options.Host, _options.EffectivePort, socketOptions, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"connecting took longer than {_options.ConnectTimeout}", ex);
        }
        catch (SslHandshakeException ex)
        {
            throw new ImapConfigurationException(
                $"The TLS connection to {_options.Host}:{_options.EffectivePort} failed ({ex.Message}).",
                "Check Imap:Security and Imap:Port (Tls is usually 993, StartTls 143); for a server with a self-signed certificate set Imap:TrustedCertificateFile to its PEM certificate.",
                ex);
        }
        catch (NotSupportedException ex) when (_options.Security == ImapSecurity.StartTls)
        {
            throw new ImapConfigurationException(
                $"{_options.Host}:{_options.EffectivePort} does not offer STARTTLS.",
                "Use Imap:Security=Tls (usually port 993), or enable STARTTLS on the server.",
                ex);
        }
    }

    private async Task AuthenticateAsync(ImapClient client, CancellationToken cancellationToken)
    {
        if (_options.Authentication == ImapAuthentication.Password)
        {
            try
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AuthenticationException ex)
            {
                throw new ImapAuthenticationException(
                    $"The IMAP server {_options.Host} refused the login of '{_options.Username}' ({ex.Message}).",
                    "Check Imap:Username and Imap:Password (FLEETMANAGER__IMAP__USERNAME, FLEETMANAGER__IMAP__PASSWORD); accounts with two-step verification need an app password, and some providers require IMAP access to be enabled first.",
                    ex);
            }
        }

        if (_tokens is null)
        {
            throw new ImapConfigurationException(
                "Imap:Authentication=OAuth2 needs an access-token provider, and none is registered.",
                "Register an IImapAccessTokenProvider for this source, or use Imap:Authentication=Password.");
        }

        if (!client.AuthenticationMechanisms.Contains("XOAUTH2"))
        {
            throw new ImapConfigurationException(
                $"The IMAP server {_options.Host} does not offer XOAUTH2 (it offers: {string.Join(", ", client.AuthenticationMechanisms)}).",
                "Use Imap:Authentication=Password for this server.");
        }

        // A cached token may have expired or been revoked a moment ago: ask once more for a fresh one.
        foreach (var forceRefresh in new[] { false, true })
        {
            var token = await _tokens.GetAccessTokenAsync(_options.Username, forceRefresh, cancellationToken).ConfigureAwait(false);
            try
            {
                await client.AuthenticateAsync(OAuthMechanism(_options.Username, token), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AuthenticationException ex) when (forceRefresh)
            {
                throw new ImapAuthenticationException(
                    $"The IMAP server {_options.Host} refused the OAuth 2.0 access token of '{_options.Username}' ({ex.Message}).",
                    "Authorize FleetManager again for this account (the token needs the mail scope, for Gmail https://mail.google.com/), and check that Imap:Username is the account the token was issued for.",
                    ex);
            }
            catch (AuthenticationException)
            {
                // Try again with a fresh token.
            }
        }
    }

    private async Task<IMailFolder> OpenFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var folder = await FindFolderAsync(client, _options.Folder, create: false, cancellationToken).ConfigureAwait(false)
            ?? throw new ImapConfigurationException(
                $"The IMAP folder '{_options.Folder}' does not exist for '{_options.Username}' on {_options.Host}.",
                "Set Imap:Folder to an existing folder (INBOX by default; levels separated by '/', such as Orders/Incoming).");

        await folder.OpenAsync(Access, cancellationToken).ConfigureAwait(false);
        if (_options.After == ImapAfterCommit.Flag && UsesKeywords && !folder.PermanentFlags.HasFlag(MessageFlags.UserDefined))
        {
            throw new ImapConfigurationException(
                $"The IMAP folder '{_options.Folder}' on {_options.Host} cannot store keywords such as '{_options.Flag}'.",
                "Set Imap:Flag and Imap:QuarantineFlag to a system flag such as \\Seen or \\Flagged, or use Imap:After=Move.");
        }

        return folder;
    }

    private bool UsesKeywords =>
        (ImapFlag.TryParse(_options.Flag, out var flag) && flag.Keyword is not null)
        || (ImapFlag.TryParse(_options.QuarantineFlag, out var quarantine) && quarantine.Keyword is not null);

    /// <summary>The folder <paramref name="path"/> names, created when missing; kept for the connection's life.</summary>
    public async Task<IMailFolder> TargetFolderAsync(ImapClient client, string path, CancellationToken cancellationToken)
    {
        if (!_targets.TryGetValue(path, out var target))
        {
            target = (await FindFolderAsync(client, path, create: true, cancellationToken).ConfigureAwait(false))!;
            _targets[path] = target;
        }

        return target;
    }

    /// <summary>Walks a '/'-separated path level by level, so the server's own separator never matters.</summary>
    private async Task<IMailFolder?> FindFolderAsync(ImapClient client, string path, bool create, CancellationToken cancellationToken)
    {
        var levels = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var startsAtInbox = levels.Length > 0 && string.Equals(levels[0], "INBOX", StringComparison.OrdinalIgnoreCase);
        IMailFolder current = (startsAtInbox ? client.Inbox : client.GetFolder(client.PersonalNamespaces[0]))
            ?? throw new ImapConfigurationException($"The IMAP server {_options.Host} lists no personal folders.", "Check that Imap:Username is a mailbox account.");
        foreach (var level in levels.Skip(startsAtInbox ? 1 : 0))
        {
            try
            {
                current = await current.GetSubfolderAsync(level, cancellationToken).ConfigureAwait(false);
            }
            catch (FolderNotFoundException)
            {
                if (!create)
                {
                    return null;
                }

                current = await current.CreateAsync(level, isMessageFolder: true, cancellationToken).ConfigureAwait(false)
                    ?? throw new ImapUnavailableException($"IMAP {Name}: the server did not create folder '{path}'.");
                ImapLog.FolderCreated(_logger, Name, path);
            }
        }

        return current;
    }

    private bool AcceptTrustedCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && _trustedCertificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_trustedCertificate.RawData));

    private void Reset()
    {
        _client?.Dispose();
        _client = null;
        _folder = null;
        _targets.Clear();
    }
}
