using System.Text.Json;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FleetManager.Google.Sheets;

/// <summary>
/// Feeds the Google Sheet from the outbox: pending entries go out in batches of
/// <see cref="SheetsOptions.BatchSize"/>, ONE values.append per batch, and are marked delivered after
/// Google confirms. Every row carries its key (<c>MESSAGE_ID#ORDER_INDEX</c>) in column A, and the
/// pusher never writes a key the sheet already holds:
/// <list type="bullet">
/// <item>the key column is read once per process (that read also tells whether the header is there), so a
/// crash between a confirmed append and <see cref="IOutbox.MarkDeliveredAsync"/> cannot duplicate rows;</item>
/// <item>after an ambiguous failure (timeout, 5xx, a connection dropped after the request was sent) the key
/// column is read again and only the missing rows are re-sent.</item>
/// </list>
/// One pusher is the sheet's single writer: pushes are serialised.
/// </summary>
public sealed class SheetsOutboxPusher(
    SheetsClient client,
    IOutbox outbox,
    IOptions<SheetsOptions> options,
    TimeProvider timeProvider,
    ILogger<SheetsOutboxPusher>? logger = null) : IDisposable
{
    /// <summary>The outbox sink name.</summary>
    public const string SinkName = "sheets";

    private readonly SheetsOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<SheetsOutboxPusher>.Instance;
    private readonly SemaphoreSlim _singleWriter = new(1, 1);

    // What the sheet holds, as far as this process knows: null until read (and again after a failure,
    // when it can no longer be trusted).
    private SheetState? _sheet;

    /// <summary>Pushes every pending entry. Throws <see cref="SheetsRejectedException"/> (stop: fix the configuration) or
    /// <see cref="SheetsUnavailableException"/> (retry later); what was delivered before stays delivered.</summary>
    public async Task<SheetsPushResult> PushAsync(CancellationToken cancellationToken)
    {
        await _singleWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var total = new Counter();
            try
            {
                while (true)
                {
                    var pending = await outbox.PendingAsync(SinkName, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                    if (pending.Count == 0)
                    {
                        break;
                    }

                    await PushBatchAsync(pending, total, cancellationToken).ConfigureAwait(false);
                    if (pending.Count < _options.BatchSize)
                    {
                        break;
                    }
                }
            }
            catch
            {
                _sheet = null;
                throw;
            }

            return new SheetsPushResult(total.Appended, total.AlreadyPresent, total.Requests) { Updated = total.Updated, Removed = total.Removed };
        }
        finally
        {
            _singleWriter.Release();
        }
    }

    private async Task PushBatchAsync(IReadOnlyList<OutboxEntry> pending, Counter total, CancellationToken cancellationToken)
    {
        var rows = new List<(OutboxEntry Entry, object?[] Values)>(pending.Count);
        var batchKeys = new HashSet<string>(StringComparer.Ordinal);
        var present = 0;
        foreach (var entry in pending)
        {
            if (entry.Change != OutboxChange.Insert)
            {
                // A reprocessed order: the rows queued before it go first, so the sheet ends as the outbox's order says.
                present += await AppendNewAsync(rows, total, cancellationToken).ConfigureAwait(false);
                rows.Clear();
                batchKeys.Clear();
                await ApplyChangeAsync(entry, total, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var sheet = _sheet ??= await ReadSheetAsync(total, cancellationToken).ConfigureAwait(false);
            var key = SheetsOrderRow.KeyCell(entry.OrderKey);
            if (sheet.Rows.ContainsKey(key) || !batchKeys.Add(key))
            {
                present++;
                continue;
            }

            try
            {
                rows.Add((entry, SheetsOrderRow.Values(entry)));
            }
            catch (JsonException ex)
            {
                // A payload that is not an order would block the outbox for ever; it is reported and passed over.
                SheetsLog.BadPayload(_logger, entry.OrderKey, ex);
            }
        }

        present += await AppendNewAsync(rows, total, cancellationToken).ConfigureAwait(false);
        // The sheet has the rows now: the mark is finished even when a stop arrives, so they are not sent again.
        await outbox.MarkDeliveredAsync(SinkName, pending.Select(e => e.Id).ToList(), timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        total.AlreadyPresent += present;
        if (present > 0)
        {
            SheetsLog.AlreadyPresent(_logger, present);
        }
    }

    /// <summary>Appends rows of new orders; returns how many of them had landed already (not written again).</summary>
    private async Task<int> AppendNewAsync(List<(OutboxEntry Entry, object?[] Values)> rows, Counter total, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        _sheet ??= await ReadSheetAsync(total, cancellationToken).ConfigureAwait(false);
        var written = await AppendIdempotentlyAsync(rows, total, cancellationToken).ConfigureAwait(false);
        total.Appended += written;
        return rows.Count - written;
    }

    /// <summary>
    /// An entry written by <c>fleetmanager reprocess</c>: the row with its key is overwritten in place
    /// (values.update of that row, which is idempotent) or, for a removed order, cleared; an upsert whose key the
    /// sheet does not hold is appended. No second row is ever written for a key.
    /// </summary>
    private async Task ApplyChangeAsync(OutboxEntry entry, Counter total, CancellationToken cancellationToken)
    {
        var key = SheetsOrderRow.KeyCell(entry.OrderKey);
        var sheet = _sheet ??= await ReadSheetAsync(total, cancellationToken).ConfigureAwait(false);
        if (sheet.Rows.TryGetValue(key, out var known) && known is null)
        {
            // Appended by this process: where it landed is not known until the key column is read again.
            sheet = _sheet = await ReadSheetAsync(total, cancellationToken).ConfigureAwait(false);
        }

        int? row = sheet.Rows.TryGetValue(key, out var number) ? number : null;
        if (entry.Change == OutboxChange.Delete)
        {
            if (row is { } cleared)
            {
                total.Requests++;
                // "" clears a cell (null would leave it as it is).
                await client.UpdateAsync(SheetsRange.Row(_options.SheetName, cleared), [SheetsOrderRow.Blank()], cancellationToken).ConfigureAwait(false);
                sheet.Rows.Remove(key);
                total.Removed++;
            }

            return;
        }

        object?[] values;
        try
        {
            values = SheetsOrderRow.Values(entry);
        }
        catch (JsonException ex)
        {
            SheetsLog.BadPayload(_logger, entry.OrderKey, ex);
            return;
        }

        if (row is { } updated)
        {
            total.Requests++;
            await client.UpdateAsync(SheetsRange.Row(_options.SheetName, updated), [SheetsOrderRow.Overwriting(values)], cancellationToken).ConfigureAwait(false);
            total.Updated++;
            return;
        }

        total.Appended += await AppendIdempotentlyAsync([(entry, values)], total, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends <paramref name="rows"/> (the header first when the tab is empty); returns how many of them this call wrote.</summary>
    private async Task<int> AppendIdempotentlyAsync(List<(OutboxEntry Entry, object?[] Values)> rows, Counter total, CancellationToken cancellationToken)
    {
        var toWrite = rows;
        var ambiguousAttempts = 0;
        var quotaAttempts = 0;
        while (toWrite.Count > 0)
        {
            var sheet = _sheet!;
            var body = new List<object?[]>(toWrite.Count + 1);
            if (!sheet.HasHeader)
            {
                body.Add([.. SheetsOrderRow.Header]);
            }

            body.AddRange(toWrite.Select(r => r.Values));
            try
            {
                total.Requests++;
                await client.AppendAsync(SheetsRange.Table(_options.SheetName), body, cancellationToken).ConfigureAwait(false);
                sheet.HasHeader = true;
                foreach (var (entry, _) in toWrite)
                {
                    // Where the append put it is not tracked; a later update reads the key column again.
                    sheet.Rows[SheetsOrderRow.KeyCell(entry.OrderKey)] = null;
                }

                SheetsLog.Appended(_logger, toWrite.Count, _options.SheetName);
                return toWrite.Count;
            }
            catch (SheetsUnavailableException ex) when (!ex.MayHaveTakenEffect && quotaAttempts < _options.MaxAmbiguousRetries)
            {
                // Certainly not applied (the handler already honoured Retry-After): wait and send the same rows again.
                quotaAttempts++;
                SheetsLog.NotApplied(_logger, toWrite.Count, quotaAttempts, ex);
                await Task.Delay(ex.RetryDelay ?? _options.RetryBaseDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (SheetsUnavailableException ex) when (ex.MayHaveTakenEffect && ambiguousAttempts < _options.MaxAmbiguousRetries)
            {
                ambiguousAttempts++;
                SheetsLog.AmbiguousWrite(_logger, toWrite.Count, ambiguousAttempts, ex);
                await Task.Delay(_options.RetryBaseDelay, timeProvider, cancellationToken).ConfigureAwait(false);
                _sheet = null;
                _sheet = await ReadSheetAsync(total, cancellationToken).ConfigureAwait(false);
                var keys = _sheet.Rows;
                toWrite = toWrite.Where(r => !keys.ContainsKey(SheetsOrderRow.KeyCell(r.Entry.OrderKey))).ToList();
            }
        }

        // Everything had landed despite the failures seen: nothing more to write.
        return 0;
    }

    private async Task<SheetState> ReadSheetAsync(Counter total, CancellationToken cancellationToken)
    {
        total.Requests++;
        var column = await client.GetValuesAsync(SheetsRange.KeyColumn(_options.SheetName), cancellationToken).ConfigureAwait(false);
        var state = new SheetState();
        if (column.Count == 0 || column.All(row => row.Count == 0 || row[0].Length == 0))
        {
            SheetsLog.HeaderMissing(_logger, _options.SheetName);
            return state;
        }

        state.HasHeader = true;
        if (column[0].Count == 0 || column[0][0] != SheetsOrderRow.KeyColumnName)
        {
            SheetsLog.ForeignHeader(_logger, _options.SheetName);
        }

        for (var index = 1; index < column.Count; index++)
        {
            var row = column[index];
            if (row.Count > 0 && row[0].Length > 0)
            {
                // Row numbers are 1-based and the header is row 1. Earlier versions wrote a key that begins like
                // a formula with a guarding apostrophe, which RAW kept literally: such a row is known by its key.
                state.Rows.TryAdd(SheetsOrderRow.UnguardedKey(row[0]), index + 1);
            }
        }

        return state;
    }

    public void Dispose() => _singleWriter.Dispose();

    private sealed class SheetState
    {
        /// <summary>Each key the sheet holds and its row number (null: appended by this process, row not read back).</summary>
        public Dictionary<string, int?> Rows { get; } = new(StringComparer.Ordinal);

        public bool HasHeader { get; set; }
    }

    private sealed class Counter
    {
        public int Appended { get; set; }

        public int AlreadyPresent { get; set; }

        public int Updated { get; set; }

        public int Removed { get; set; }

        public int Requests { get; set; }
    }
}
