using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FleetManager.Google.Gmail;

/// <summary>
/// A Gmail mailbox read incrementally (Google's sync guide). The cursor is the mailbox's historyId as a
/// decimal string. First run (no cursor): the profile's historyId is the baseline, then
/// <c>messages.list</c> (<see cref="GmailOptions.Query"/> and <c>after:</c> <see cref="GmailOptions.Since"/>,
/// at most <see cref="GmailOptions.MaxFullSync"/>) and each message in <c>format=raw</c>, oldest first.
/// Later runs: every page of <c>history.list</c> (messageAdded, INBOX) since the cursor; the new cursor is
/// the last page's historyId, offered only once all pages are read. A cursor Gmail no longer knows (404)
/// falls back to the bounded full sync; the ledger drops what was stored before.
/// </summary>
public sealed class GmailMailbox : IMailbox
{
    private const string SourceKeyPrefix = "gmail:";

    private readonly GmailClient _client;
    private readonly GmailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private Dictionary<string, string>? _labelIds;
    // Committed messages waiting for their label (AcknowledgeBatchAsync), sent by FlushAcknowledgementsAsync.
    private readonly List<string> _pendingProcessed = [];
    private readonly List<string> _pendingQuarantined = [];

    internal GmailMailbox(GmailClient client, IOptions<GmailOptions> options, TimeProvider timeProvider, ILogger<GmailMailbox>? logger = null)
    {
        _client = client;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Name = "gmail:" + _options.User;
    }

    public string Name { get; }

    public string? CursorAfterRead { get; private set; }

    public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CursorAfterRead = null;
        if (cursor is not null && !ulong.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            GmailMailboxLog.BadCursor(_logger, Name, cursor);
            cursor = null;
        }

        var changes = cursor is null ? null : await ReadHistoryAsync(cursor, cancellationToken).ConfigureAwait(false);
        if (cursor is not null && changes is null)
        {
            GmailMailboxLog.HistoryExpired(_logger, Name, cursor);
        }

        var (ids, historyId) = changes ?? await ListRecentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            var message = await _client.GetRawMessageAsync(id, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                GmailMailboxLog.MessageGone(_logger, Name, id);
                continue;
            }

            if (IsOwnOutgoing(message.LabelIds))
            {
                continue;
            }

            yield return ToRawMessage(message);
        }

        // Every message before this historyId has been yielded: the poller stores it after their commit.
        CursorAfterRead = historyId;
    }

    public async ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((!_options.ApplyLabels && !_options.MarkRead) || !message.SourceKey.StartsWith(SourceKeyPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var id = message.SourceKey[SourceKeyPrefix.Length..];
        IReadOnlyList<string> add = _options.ApplyLabels
            ? [await GetLabelIdAsync(outcome is MailboxOutcome.Quarantined or MailboxOutcome.AlreadyQuarantined ? _options.QuarantinedLabel : _options.ProcessedLabel, cancellationToken).ConfigureAwait(false)]
            : [];
        IReadOnlyList<string> remove = _options.MarkRead ? ["UNREAD"] : [];
        if (!await _client.ModifyAsync(id, add, remove, cancellationToken).ConfigureAwait(false))
        {
            GmailMailboxLog.ModifyGone(_logger, Name, id);
        }
    }

    /// <summary>
    /// Gathers the committed messages' labels instead of sending one <c>messages.modify</c> per message: they go out
    /// with one <c>messages.batchModify</c> per label and 1,000 messages (50 quota units, where a modify costs 5 per
    /// message) when 1,000 are waiting and at the end of the poll (<see cref="FlushAcknowledgementsAsync"/>). Gmail's
    /// messages carry no cursor of their own (the historyId is stored only after the poll), so a crash before the
    /// flush leaves the cursor before them: the next poll reads them again, finds them in the ledger and labels them.
    /// </summary>
    public async ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (!_options.ApplyLabels && !_options.MarkRead)
        {
            return;
        }

        foreach (var message in committed.Where(m => m.Raw.SourceKey.StartsWith(SourceKeyPrefix, StringComparison.Ordinal)))
        {
            var quarantined = message.Outcome is MailboxOutcome.Quarantined or MailboxOutcome.AlreadyQuarantined;
            var pending = quarantined ? _pendingQuarantined : _pendingProcessed;
            pending.Add(message.Raw.SourceKey[SourceKeyPrefix.Length..]);
            if (pending.Count >= GmailClient.MaxBatchModifyIds)
            {
                await SendPendingAsync(quarantined, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the gathered labels: one <c>messages.batchModify</c> per label (and per 1,000 messages).</summary>
    public async ValueTask FlushAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(quarantined: false, cancellationToken).ConfigureAwait(false);
        await SendPendingAsync(quarantined: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendPendingAsync(bool quarantined, CancellationToken cancellationToken)
    {
        var pending = quarantined ? _pendingQuarantined : _pendingProcessed;
        if (pending.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> add = _options.ApplyLabels
            ? [await GetLabelIdAsync(quarantined ? _options.QuarantinedLabel : _options.ProcessedLabel, cancellationToken).ConfigureAwait(false)]
            : [];
        IReadOnlyList<string> remove = _options.MarkRead ? ["UNREAD"] : [];
        foreach (var chunk in pending.Distinct(StringComparer.Ordinal).Chunk(GmailClient.MaxBatchModifyIds))
        {
            await _client.BatchModifyAsync(chunk, add, remove, cancellationToken).ConfigureAwait(false);
        }

        pending.Clear();
    }

    /// <summary>The message ids added to the inbox since <paramref name="cursor"/>, in history order, and the new cursor; null on 404.</summary>
    private async Task<(IReadOnlyList<string> Ids, string HistoryId)?> ReadHistoryAsync(string cursor, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        string historyId;
        do
        {
            var page = await _client.ListHistoryAsync(cursor, pageToken, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return null;
            }

            foreach (var added in (page.History ?? []).SelectMany(h => h.MessagesAdded ?? []))
            {
                // messagesAdded (not "messages", which may repeat); own sent mail and drafts fire it too.
                if (added.Message is { } m && !IsOwnOutgoing(m.LabelIds) && seen.Add(m.Id))
                {
                    ids.Add(m.Id);
                }
            }

            pageToken = page.NextPageToken;
            historyId = page.HistoryId ?? cursor;
        }
        while (pageToken is not null);

        GmailMailboxLog.Incremental(_logger, Name, ids.Count, cursor);
        return (ids, historyId);
    }

    /// <summary>The bounded full sync: the baseline historyId first (so nothing arriving meanwhile is missed), then the recent messages, oldest first.</summary>
    private async Task<(IReadOnlyList<string> Ids, string HistoryId)> ListRecentAsync(CancellationToken cancellationToken)
    {
        var profile = await _client.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var baseline = profile.HistoryId ?? throw new HttpRequestException("Gmail's profile has no historyId.");
        var since = _timeProvider.GetUtcNow() - _options.Since;
        GmailMailboxLog.FullSync(_logger, Name, _options.MaxFullSync, since);
        var query = (_options.Query + " after:" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Trim();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var remaining = _options.MaxFullSync - ids.Count;
            var page = await _client.ListMessagesAsync(query, Math.Min(500, remaining), pageToken, cancellationToken).ConfigureAwait(false);
            foreach (var message in page.Messages ?? [])
            {
                if (ids.Count < _options.MaxFullSync && seen.Add(message.Id))
                {
                    ids.Add(message.Id);
                }
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null && ids.Count < _options.MaxFullSync);

        ids.Reverse(); // messages.list is newest first
        return (ids, baseline);
    }

    private async ValueTask<string> GetLabelIdAsync(string name, CancellationToken cancellationToken)
    {
        // The poller acknowledges one message at a time, so the cache needs no lock.
        if (_labelIds is null)
        {
            await LoadLabelsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_labelIds!.TryGetValue(name, out var id))
        {
            return id;
        }

        var created = await _client.CreateLabelAsync(name, cancellationToken).ConfigureAwait(false);
        if (created?.Id is { } createdId)
        {
            _labelIds[name] = createdId;
            return createdId;
        }

        // 409: created meanwhile (another instance, or an earlier attempt whose answer was lost).
        await LoadLabelsAsync(cancellationToken).ConfigureAwait(false);
        return _labelIds.TryGetValue(name, out id)
            ? id
            : throw new GmailApiException(System.Net.HttpStatusCode.Conflict, null, $"Gmail says label '{name}' exists but does not list it.", "Rename or delete the conflicting label in Gmail.");
    }

    private async Task LoadLabelsAsync(CancellationToken cancellationToken)
    {
        var labels = await _client.ListLabelsAsync(cancellationToken).ConfigureAwait(false);
        _labelIds = labels.Where(l => l.Id is not null).GroupBy(l => l.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Drafts, and sent mail that is not also in the inbox (a message to oneself is), are not incoming mail.</summary>
    private static bool IsOwnOutgoing(IReadOnlyList<string>? labels) =>
        labels is not null && (labels.Contains("DRAFT") || (labels.Contains("SENT") && !labels.Contains("INBOX")));

    private static RawMessage ToRawMessage(GmailRawMessage message)
    {
        var key = SourceKeyPrefix + message.Id;
        if (string.IsNullOrEmpty(message.Raw))
        {
            return new RawMessage(key, ReadOnlyMemory<byte>.Empty) { ReadError = "Gmail returned the message without its raw content" };
        }

        try
        {
            // base64url, padding optional (Gmail omits it).
            return new RawMessage(key, Base64Url.DecodeFromChars(message.Raw));
        }
        catch (FormatException)
        {
            return new RawMessage(key, ReadOnlyMemory<byte>.Empty) { ReadError = "Gmail returned raw content that is not base64url" };
        }
    }
}
