using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetManager.Mail.Imap;

/// <summary>
/// One IMAP folder read incrementally over one connection (MailKit). The cursor is
/// <c>UIDVALIDITY:LASTUID</c>: a poll reads the messages with a greater UID, oldest first, with
/// <c>BODY.PEEK[]</c> (reading never marks a message \Seen); a changed UIDVALIDITY triggers a bounded
/// resync that the ledger dedupes. Bodies are downloaded in chunks, one <c>UID FETCH</c> for many
/// messages. Messages are flagged or moved only in <see cref="AcknowledgeBatchAsync"/>, which the poller
/// calls after the commit, with one command per flag or folder for the whole batch.
/// </summary>
/// <remarks>
/// The poller reads ahead while it acknowledges committed messages, so both run at once: every use
/// of the connection is serialised by a gate, held per command and never across a yield.
/// </remarks>
public sealed class ImapMailbox : INotifyingMailbox, IAsyncDisposable, IDisposable
{
    private readonly ImapOptions _options;
    private readonly IImapAccessTokenProvider? _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly X509Certificate2? _trustedCertificate;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IMailFolder> _targets = new(StringComparer.Ordinal);
    private ImapClient? _client;
    private IMailFolder? _folder;

    // What the last read saw: a wait for new mail first checks that nothing arrived since.
    private uint _lastValidity;
    private uint _lastUid;

    public ImapMailbox(ImapOptions options, ILogger<ImapMailbox>? logger = null, TimeProvider? timeProvider = null, IImapAccessTokenProvider? accessTokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ImapOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ImapConfigurationException("The IMAP settings are invalid: " + validation.FailureMessage, "Correct the Imap settings (see docs/configuration.md).");
        }

        _options = options;
        _tokens = accessTokens;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (!string.IsNullOrEmpty(options.TrustedCertificateFile))
        {
            _trustedCertificate = X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificateFile);
        }

        Name = $"imap:{options.Username}@{options.Host}/{options.Folder}";
    }

    /// <summary>
    /// Tests only: a protocol logger for each new connection, to count the commands sent. The client
    /// disposes it with the connection. Never set in production: it would see the login.
    /// </summary>
    internal Func<IProtocolLogger>? ProtocolLoggerFactory { get; init; }

    /// <summary><c>imap:{user}@{host}/{folder}</c>: the key of this mailbox's cursor and lease.</summary>
    public string Name { get; }

    public string? CursorAfterRead { get; private set; }

    /// <summary>The ledger's source key of one message: <c>imap:{user}@{host}/{folder}/{uidvalidity}/{uid}</c>.</summary>
    public string SourceKeyOf(uint uidValidity, uint uid) => $"{Name}/{uidValidity}/{uid}";

    public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CursorAfterRead = null;
        ImapCursor? stored = null;
        if (cursor is not null)
        {
            if (ImapCursor.TryParse(cursor, out var parsed))
            {
                stored = parsed;
            }
            else
            {
                ImapLog.BadCursor(_logger, Name, cursor);
            }
        }

        var plan = await RunAsync((_, folder, ct) => PlanAsync(folder, stored, ct), cancellationToken).ConfigureAwait(false);
        foreach (var chunk in Chunks(plan.Messages))
        {
            // The chunk is downloaded before its first message is handed on: the gate is never held across a yield.
            var read = await ReadChunkAsync(plan.UidValidity, chunk, cancellationToken).ConfigureAwait(false);
            foreach (var raw in read)
            {
                yield return raw;
            }
        }

        // Every message up to HighestUid was yielded (or deliberately left behind by a bounded
        // resync): once they are all committed, this is where the next poll starts.
        var after = new ImapCursor(plan.UidValidity, plan.HighestUid);
        CursorAfterRead = stored == after ? null : after.ToString();
    }

    public ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AcknowledgeBatchAsync([new CommittedMessage(message, outcome)], cancellationToken);
    }

    /// <summary>
    /// Flags or moves a committed batch with one command per target (one <c>UID STORE</c> per flag, one
    /// <c>UID MOVE</c>, or COPY and EXPUNGE where the server lacks MOVE, per folder) for all its UIDs.
    /// </summary>
    public async ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (_options.After == ImapAfterCommit.None)
        {
            return;
        }

        // Processed and quarantined messages get different flags or folders; a message read before a
        // UIDVALIDITY change must not be confused with the one its UID names now.
        var groups = new List<(uint UidValidity, string Target, List<uint> Uids)>();
        foreach (var message in committed)
        {
            if (!ImapCursor.TryParse(message.Raw.Cursor, out var position))
            {
                continue;
            }

            var target = TargetOf(message.Outcome);
            var index = groups.FindIndex(g => g.UidValidity == position.UidValidity && g.Target == target);
            if (index < 0)
            {
                groups.Add((position.UidValidity, target, [position.LastUid]));
            }
            else
            {
                groups[index].Uids.Add(position.LastUid);
            }
        }

        foreach (var (validity, target, uids) in groups)
        {
            await RunAsync((client, folder, ct) => ApplyAsync(client, folder, validity, target, uids, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until new mail may have arrived or <paramref name="maxWait"/> has passed; the service calls
    /// it between polls. With IDLE (<see cref="ImapOptions.UseIdle"/> and a server that offers it) it
    /// returns true as soon as the server announces a new message; otherwise it waits out
    /// <paramref name="maxWait"/> and returns false.
    /// </summary>
    /// <exception cref="ImapUnavailableException">The connection broke: poll again later.</exception>
    public async Task<bool> WaitForNewMailAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait <= TimeSpan.Zero)
        {
            return false;
        }

        if (_options.UseIdle)
        {
            var idled = await RunAsync((client, folder, ct) => IdleAsync(client, folder, maxWait, ct), cancellationToken).ConfigureAwait(false);
            if (idled is { } arrived)
            {
                return arrived;
            }

            ImapLog.NoIdle(_logger, Name, maxWait);
        }

        await Task.Delay(maxWait, _time, cancellationToken).ConfigureAwait(false);
        return false;
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

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The SASL mechanism for OAuth 2.0: XOAUTH2 (Gmail, Microsoft 365, Dovecot).</summary>
    internal static SaslMechanism OAuthMechanism(string username, string accessToken) => new SaslMechanismOAuth2(username, accessToken);

    private sealed record ReadPlan(uint UidValidity, IReadOnlyList<(UniqueId Uid, long? Size)> Messages, uint HighestUid);

    private async Task<ReadPlan> PlanAsync(IMailFolder folder, ImapCursor? stored, CancellationToken cancellationToken)
    {
        // Select the folder afresh: a server answers SEARCH from the session's view, which need not
        // include mail delivered since the last command, and a kept session would not notice a folder
        // that was deleted and made again (a new UIDVALIDITY).
        await folder.OpenAsync(Access, cancellationToken).ConfigureAwait(false);
        var validity = folder.UidValidity;
        uint after = 0;
        IEnumerable<UniqueId> found;
        if (stored is { } cursor && cursor.UidValidity == validity)
        {
            after = cursor.LastUid;
            found = after == uint.MaxValue ? []
                : await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(validity, after + 1, uint.MaxValue)), cancellationToken).ConfigureAwait(false);

            // "n:*" always matches the highest UID, even one below n (RFC 3501 §6.4.8).
            found = found.Where(u => u.Id > after);
        }
        else
        {
            if (stored is { } old)
            {
                ImapLog.UidValidityChanged(_logger, Name, old.UidValidity, validity, _options.SyncMaxMessages);
            }
            else
            {
                ImapLog.FirstSync(_logger, Name, _options.SyncMaxMessages);
            }

            var query = _options.SyncMaxAge is { } age ? SearchQuery.DeliveredAfter((_time.GetUtcNow() - age).UtcDateTime) : SearchQuery.All;
            var all = await folder.SearchAsync(query, cancellationToken).ConfigureAwait(false);
            found = all.OrderBy(u => u.Id).TakeLast(_options.SyncMaxMessages);
        }

        var uids = found.OrderBy(u => u.Id).ToList();
        var sizes = new Dictionary<uint, long?>();
        if (uids.Count > 0)
        {
            // Sizes first, so a message over the limit is never downloaded.
            var summaries = await folder.FetchAsync(uids, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size), cancellationToken).ConfigureAwait(false);
            foreach (var summary in summaries)
            {
                sizes[summary.UniqueId.Id] = (long?)summary.Size;
            }
        }

        ImapLog.NewMessages(_logger, Name, uids.Count, after);
        var highest = uids.Count > 0 ? Math.Max(after, uids[^1].Id) : after;
        _lastValidity = validity;
        _lastUid = highest;
        return new ReadPlan(validity, uids.Select(u => (u, sizes.GetValueOrDefault(u.Id))).ToList(), highest);
    }

    /// <summary>
    /// Splits the plan into chunks of at most <see cref="ImapOptions.FetchBatchSize"/> messages to
    /// download and about <see cref="ImapOptions.FetchBatchBytes"/> bytes (a single larger message is
    /// a chunk of its own). A message over <see cref="ImapOptions.MaxMessageBytes"/> is never
    /// downloaded, so it counts for neither.
    /// </summary>
    private IEnumerable<List<(UniqueId Uid, long? Size)>> Chunks(IReadOnlyList<(UniqueId Uid, long? Size)> messages)
    {
        var chunk = new List<(UniqueId Uid, long? Size)>();
        var count = 0;
        long bytes = 0;
        foreach (var message in messages)
        {
            var downloaded = !IsTooLarge(message.Size);

            // A message of unknown size weighs the whole budget: it is downloaded on its own.
            var weight = downloaded ? message.Size ?? _options.FetchBatchBytes : 0;
            if (downloaded && count > 0 && (count == _options.FetchBatchSize || weight > _options.FetchBatchBytes - bytes))
            {
                yield return chunk;
                chunk = [];
                count = 0;
                bytes = 0;
            }

            chunk.Add(message);
            count += downloaded ? 1 : 0;
            bytes += weight;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// Reads one chunk, in UID order: one <c>UID FETCH (BODY.PEEK[])</c> for all its messages. When the
    /// server refuses that command (NO) or it breaks the connection twice, the messages it did not
    /// deliver are fetched one by one, so a single unreadable message is quarantined alone.
    /// </summary>
    private async Task<List<RawMessage>> ReadChunkAsync(uint validity, List<(UniqueId Uid, long? Size)> chunk, CancellationToken cancellationToken)
    {
        var wanted = chunk.Where(m => !IsTooLarge(m.Size)).ToList();
        var bodies = new Dictionary<uint, byte[]>();
        var complete = false;
        if (wanted.Count > 1)
        {
            complete = await RunAsync(
                (_, folder, ct) => FetchBodiesAsync(folder, validity, wanted, bodies, ct),
                cancellationToken,
                onPoison: _ => false).ConfigureAwait(false);
        }

        var read = new List<RawMessage>(chunk.Count);
        foreach (var (uid, size) in chunk)
        {
            RawMessage? raw;
            if (IsTooLarge(size))
            {
                raw = TooLarge(validity, uid.Id, size);
            }
            else if (bodies.Remove(uid.Id, out var bytes))
            {
                raw = new RawMessage(SourceKeyOf(validity, uid.Id), bytes) { Cursor = new ImapCursor(validity, uid.Id).ToString() };
            }
            else if (complete)
            {
                // The server answered the whole command and sent nothing for this UID: expunged since the search.
                raw = null;
            }
            else
            {
                raw = await RunAsync(
                    (_, folder, ct) => FetchAsync(folder, validity, uid, size, ct),
                    cancellationToken,
                    onPoison: ex => Undeliverable(validity, uid.Id, ex.Message)).ConfigureAwait(false);
            }

            if (raw is not null)
            {
                read.Add(raw);
            }
        }

        return read;
    }

    /// <summary>
    /// Downloads the messages of <paramref name="wanted"/> not yet in <paramref name="bodies"/> (a retry
    /// on a new connection asks only for what the broken one did not deliver). True when the server
    /// answered OK, false when it refused the command.
    /// </summary>
    private async Task<bool> FetchBodiesAsync(IMailFolder folder, uint validity, List<(UniqueId Uid, long? Size)> wanted, Dictionary<uint, byte[]> bodies, CancellationToken cancellationToken)
    {
        if (folder.UidValidity != validity)
        {
            throw new ImapUnavailableException($"IMAP {Name}: UIDVALIDITY changed during the read; the next poll resyncs.");
        }

        var missing = wanted.Where(m => !bodies.ContainsKey(m.Uid.Id)).ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        var sizes = missing.ToDictionary(m => m.Uid.Id, m => m.Size);
        try
        {
            // GetStreamsAsync sends one UID FETCH (BODY.PEEK[]) for the whole set: the exact bytes, without setting \Seen.
            await ((IImapFolder)folder).GetStreamsAsync(
                missing.Select(m => m.Uid).ToList(),
                async (_, _, uid, stream, ct) =>
                {
                    // The stream is disposed when the callback returns: copy it now.
                    using var buffer = new MemoryStream(sizes.GetValueOrDefault(uid.Id) is long size and > 0 and < int.MaxValue ? (int)size : 0);
                    await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                    bodies[uid.Id] = buffer.ToArray();
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ImapCommandException)
        {
            // NO for the command (one damaged message, a storage error): what arrived is kept.
            return false;
        }
    }

    private bool IsTooLarge(long? size) => size > _options.MaxMessageBytes;

    /// <summary>A message over the limit, passed on undownloaded with the reason, to be quarantined.</summary>
    private RawMessage TooLarge(uint validity, uint uid, long? size) => new(SourceKeyOf(validity, uid), ReadOnlyMemory<byte>.Empty)
    {
        ReadError = $"message is {size} bytes, over the IMAP limit of {_options.MaxMessageBytes} bytes (Imap:MaxMessageBytes)",
        Cursor = new ImapCursor(validity, uid).ToString(),
    };

    private async Task<RawMessage?> FetchAsync(IMailFolder folder, uint validity, UniqueId uid, long? size, CancellationToken cancellationToken)
    {
        if (folder.UidValidity != validity)
        {
            throw new ImapUnavailableException($"IMAP {Name}: UIDVALIDITY changed during the read; the next poll resyncs.");
        }

        var sourceKey = SourceKeyOf(validity, uid.Id);
        var cursor = new ImapCursor(validity, uid.Id).ToString();
        if (IsTooLarge(size))
        {
            return TooLarge(validity, uid.Id, size);
        }

        try
        {
            // Section "" is BODY.PEEK[]: the whole message, exactly as stored, without setting \Seen.
            using var stream = await folder.GetStreamAsync(uid, string.Empty, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream(size is > 0 and < int.MaxValue ? (int)size.Value : 0);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return new RawMessage(sourceKey, buffer.ToArray()) { Cursor = cursor };
        }
        catch (MessageNotFoundException)
        {
            // Expunged since the search: there is nothing left to read or to record.
            return null;
        }
        catch (ImapCommandException ex)
        {
            // The server answered NO for this one message (a damaged file, a storage error): the
            // message is quarantined with the reason and the poll goes on.
            return Undeliverable(validity, uid.Id, ex.Message);
        }
    }

    /// <summary>The flag or folder a message with this outcome gets.</summary>
    private string TargetOf(MailboxOutcome outcome)
    {
        var quarantined = outcome is MailboxOutcome.Quarantined or MailboxOutcome.AlreadyQuarantined;
        return _options.After == ImapAfterCommit.Flag
            ? quarantined && !string.IsNullOrEmpty(_options.QuarantineFlag) ? _options.QuarantineFlag : _options.Flag
            : quarantined && !string.IsNullOrEmpty(_options.QuarantineFolder) ? _options.QuarantineFolder : _options.MoveTo;
    }

    private async Task<int> ApplyAsync(ImapClient client, IMailFolder folder, uint validity, string target, List<uint> uids, CancellationToken cancellationToken)
    {
        if (folder.UidValidity != validity)
        {
            // The folder was renumbered since the read: these UIDs may now name other messages.
            ImapLog.StaleAcknowledgement(_logger, Name, uids.Count, validity, folder.UidValidity);
            return 0;
        }

        // A UID set in ascending order goes out in ranges (1:50), however many messages it holds.
        var set = new UniqueIdSet(uids.Select(uid => new UniqueId(validity, uid)), SortOrder.Ascending);
        if (_options.After == ImapAfterCommit.Flag)
        {
            _ = ImapFlag.TryParse(target, out var flag); // unparsable: no keyword, so nothing is set
            if (flag.Keyword is { } keyword)
            {
                await folder.AddFlagsAsync(set, MessageFlags.None, [keyword], silent: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await folder.AddFlagsAsync(set, flag.SystemFlag, silent: true, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var destination = await TargetFolderAsync(client, target, cancellationToken).ConfigureAwait(false);
            await folder.MoveToAsync(set, destination, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private RawMessage Undeliverable(uint validity, uint uid, string reason)
    {
        ImapLog.Undeliverable(_logger, Name, uid, reason);
        return new RawMessage(SourceKeyOf(validity, uid), ReadOnlyMemory<byte>.Empty)
        {
            ReadError = "the IMAP server could not deliver the message: " + reason,
            Cursor = new ImapCursor(validity, uid).ToString(),
        };
    }

    /// <summary>IDLE until a new message is announced (true) or the wait is over (false); null when the server has no IDLE.</summary>
    private async Task<bool?> IdleAsync(ImapClient client, IMailFolder folder, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            return null;
        }

        // Anything that arrived between the last read and now would not be announced again in IDLE;
        // NOOP brings the session's view up to date first.
        await client.NoOpAsync(cancellationToken).ConfigureAwait(false);
        if (folder.UidValidity != _lastValidity)
        {
            return true;
        }

        var since = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(folder.UidValidity, Math.Min(_lastUid, uint.MaxValue - 1) + 1, uint.MaxValue)), cancellationToken).ConfigureAwait(false);
        if (since.Any(u => u.Id > _lastUid))
        {
            return true;
        }

        var deadline = _time.GetUtcNow() + maxWait;
        var count = folder.Count;
        var arrived = false;
        using var done = new CancellationTokenSource();
        void OnCountChanged(object? sender, EventArgs e)
        {
            // EXISTS grows for a new message; an expunge (our own move) only lowers the count.
            if (folder.Count > count)
            {
                arrived = true;
                done.Cancel();
            }

            count = folder.Count;
        }

        folder.CountChanged += OnCountChanged;
        try
        {
            while (!arrived)
            {
                var remaining = deadline - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    return false;
                }

                // One IDLE lasts at most IdleRefresh: servers drop an IDLE older than 30 minutes.
                using var round = new CancellationTokenSource(remaining < _options.IdleRefresh ? remaining : _options.IdleRefresh, _time);
                using var roundOrArrival = CancellationTokenSource.CreateLinkedTokenSource(round.Token, done.Token);
                await client.IdleAsync(roundOrArrival.Token, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }

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
    private async Task<T> RunAsync<T>(Func<ImapClient, IMailFolder, CancellationToken, Task<T>> operation, CancellationToken cancellationToken, Func<Exception, T>? onPoison = null)
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

                    throw new ImapUnavailableException($"IMAP server {_options.Host}:{_options.EffectivePort} is unavailable ({ex.Message}); the next poll retries.", ex);
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
        var client = new ImapClient(ProtocolLoggerFactory?.Invoke() ?? new NullProtocolLogger()) { Timeout = (int)Math.Min(int.MaxValue, _options.CommandTimeout.TotalMilliseconds) };
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

    private FolderAccess Access => _options.After == ImapAfterCommit.None ? FolderAccess.ReadOnly : FolderAccess.ReadWrite;

    private bool UsesKeywords =>
        (ImapFlag.TryParse(_options.Flag, out var flag) && flag.Keyword is not null)
        || (ImapFlag.TryParse(_options.QuarantineFlag, out var quarantine) && quarantine.Keyword is not null);

    private async Task<IMailFolder> TargetFolderAsync(ImapClient client, string path, CancellationToken cancellationToken)
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
