using System.Runtime.CompilerServices;
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
/// resync that the ledger dedupes. Bodies are downloaded in chunks (<see cref="ImapFetchPlan"/>), one
/// <c>UID FETCH</c> for many messages. Messages are flagged or moved only in <see cref="AcknowledgeBatchAsync"/>
/// (<see cref="ImapAcknowledger"/>), which the poller calls after the commit; between polls the service
/// waits in <see cref="WaitForNewMailAsync"/> (<see cref="ImapIdleWaiter"/>, IMAP IDLE).
/// </summary>
/// <remarks>
/// The poller reads ahead while it acknowledges committed messages, so both run at once: every use
/// of the connection goes through the one <see cref="ImapSession"/>, whose gate is held per command and
/// never across a yield.
/// </remarks>
public sealed class ImapMailbox : INotifyingMailbox, IAsyncDisposable, IDisposable
{
    private readonly ImapOptions _options;
    private readonly ImapFetchLimits _limits;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ImapSession _session;
    private readonly ImapAcknowledger _acknowledger;
    private readonly ImapIdleWaiter _idle;

    public ImapMailbox(ImapOptions options, ILogger<ImapMailbox>? logger = null, TimeProvider? timeProvider = null, IImapAccessTokenProvider? accessTokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ImapOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ImapConfigurationException("The IMAP settings are invalid: " + validation.FailureMessage, "Correct the Imap settings (see docs/configuration.md).");
        }

        _options = options;
        _limits = ImapFetchLimits.From(options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Name = $"imap:{options.Username}@{options.Host}/{options.Folder}";
        _session = new ImapSession(Name, options, _logger, _time, accessTokens, () => ProtocolLoggerFactory?.Invoke());
        _acknowledger = new ImapAcknowledger(options, _session, _logger);
        _idle = new ImapIdleWaiter(options, _session, _time, _logger);
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

        var plan = await _session.RunAsync((_, folder, ct) => PlanAsync(folder, stored, ct), cancellationToken).ConfigureAwait(false);
        foreach (var chunk in plan.Chunks(_limits))
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
    public ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken) =>
        _acknowledger.AcknowledgeAsync(committed, cancellationToken);

    /// <summary>
    /// Waits until new mail may have arrived or <paramref name="maxWait"/> has passed; the service calls
    /// it between polls. With IDLE (<see cref="ImapOptions.UseIdle"/> and a server that offers it) it
    /// returns true as soon as the server announces a new message; otherwise it waits out
    /// <paramref name="maxWait"/> and returns false.
    /// </summary>
    /// <exception cref="ImapUnavailableException">The connection broke: poll again later.</exception>
    public Task<bool> WaitForNewMailAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _idle.WaitAsync(maxWait, cancellationToken);

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public void Dispose() => _session.Dispose();

    /// <summary>The SASL mechanism for OAuth 2.0: XOAUTH2 (Gmail, Microsoft 365, Dovecot).</summary>
    internal static SaslMechanism OAuthMechanism(string username, string accessToken) => ImapSession.OAuthMechanism(username, accessToken);

    private async Task<ImapFetchPlan> PlanAsync(IMailFolder folder, ImapCursor? stored, CancellationToken cancellationToken)
    {
        // Select the folder afresh: a server answers SEARCH from the session's view, which need not
        // include mail delivered since the last command, and a kept session would not notice a folder
        // that was deleted and made again (a new UIDVALIDITY).
        await folder.OpenAsync(_session.Access, cancellationToken).ConfigureAwait(false);
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
        var plan = ImapFetchPlan.Create(validity, uids, sizes, after);
        _idle.Saw(validity, plan.HighestUid);
        return plan;
    }

    /// <summary>
    /// Reads one chunk, in UID order: one <c>UID FETCH (BODY.PEEK[])</c> for all its messages. When the
    /// server refuses that command (NO) or it breaks the connection twice, the messages it did not
    /// deliver are fetched one by one, so a single unreadable message is quarantined alone.
    /// </summary>
    private async Task<List<RawMessage>> ReadChunkAsync(uint validity, List<(UniqueId Uid, long? Size)> chunk, CancellationToken cancellationToken)
    {
        var wanted = chunk.Where(m => !_limits.IsTooLarge(m.Size)).ToList();
        var bodies = new Dictionary<uint, byte[]>();
        var complete = false;
        if (wanted.Count > 1)
        {
            complete = await _session.RunAsync(
                (_, folder, ct) => FetchBodiesAsync(folder, validity, wanted, bodies, ct),
                cancellationToken,
                onPoison: _ => false).ConfigureAwait(false);
        }

        var read = new List<RawMessage>(chunk.Count);
        foreach (var (uid, size) in chunk)
        {
            RawMessage? raw;
            if (_limits.IsTooLarge(size))
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
                raw = await _session.RunAsync(
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
        if (_limits.IsTooLarge(size))
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

    private RawMessage Undeliverable(uint validity, uint uid, string reason)
    {
        ImapLog.Undeliverable(_logger, Name, uid, reason);
        return new RawMessage(SourceKeyOf(validity, uid), ReadOnlyMemory<byte>.Empty)
        {
            ReadError = "the IMAP server could not deliver the message: " + reason,
            Cursor = new ImapCursor(validity, uid).ToString(),
        };
    }
}
