using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Storage.Reprocessing;

/// <summary>
/// <c>fleetmanager reprocess</c>: reads stored raw messages again through today's pipeline (parser, reader,
/// geocoder) and replaces each one's ledger outcome and orders in one transaction
/// (<see cref="IOrderStore.ReplaceAsync"/>), so a message quarantined for a cause since fixed is recovered and an
/// engine upgrade can re-extract processed ones. One message at a time: a kill leaves every message either as it
/// was or as it is now, and running again finishes the rest (an unchanged message writes nothing).
/// </summary>
/// <remarks>
/// A failure that is not the message's (a reader without quota, a rejected credential) propagates and ends the
/// run: nothing is replaced with it, and what was done before stays.
/// </remarks>
public sealed class MessageReprocessor(IOrderStore store, MessageProcessor processor, TimeProvider timeProvider)
{
    public async Task<ReprocessSummary> RunAsync(ReprocessSelection selection, IProgress<ReprocessedMessage>? perMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var summary = new ReprocessSummary();
        var query = selection.ToQuery();
        while (true)
        {
            var page = await store.ListLedgerAsync(query, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var done = await ReprocessAsync(entry, processor, cancellationToken).ConfigureAwait(false);
                summary.Add(done.Outcome);
                perMessage?.Report(done);
            }

            query = query with { AfterId = page[^1].Id };
        }

        return summary;
    }

    /// <summary>
    /// Reads one message again (the dashboard's "reprocess" and "reclassify"); with <paramref name="classification"/>
    /// the reader answers with that class (<see cref="ClassificationForcingReader"/>): "other" removes the message's
    /// orders, "order" extracts them as the reader would from an order. Null when the key is not in the ledger.
    /// </summary>
    public async Task<ReprocessedMessage?> ReprocessOneAsync(string ledgerKey, Classification? classification, CancellationToken cancellationToken)
    {
        if (await store.GetLedgerEntryAsync(ledgerKey, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        var reading = classification is { } forced ? processor.WithReader(new ClassificationForcingReader(processor.Reader, forced)) : processor;
        return await ReprocessAsync(entry, reading, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReprocessedMessage> ReprocessAsync(LedgerEntry entry, MessageProcessor reading, CancellationToken cancellationToken)
    {
        var raw = await store.GetRawMessageAsync(entry.LedgerKey, cancellationToken).ConfigureAwait(false);
        if (raw is null)
        {
            return new ReprocessedMessage(entry, ReprocessOutcome.RawPurged, entry.OrderCount, null);
        }

        var processed = await reading.ProcessSafelyAsync(new RawMessage(entry.SourceKey, raw), cancellationToken).ConfigureAwait(false);
        var result = processed.Result;
        var wasQuarantined = entry.Status == LedgerStatus.Quarantined;
        if (!wasQuarantined && processed.IsQuarantined)
        {
            return new ReprocessedMessage(entry, ReprocessOutcome.KeptDespiteFailure, entry.OrderCount, result.Error);
        }

        var email = processed.Email;
        var message = new StoredMessage(
            entry.LedgerKey,
            entry.SourceKey,
            result.MessageId,
            email?.Subject ?? entry.Subject,
            email?.From is { } from ? (string.IsNullOrEmpty(from.Name) ? from.Address : $"{from.Name} <{from.Address}>") : entry.From,
            email?.Date ?? entry.Date,
            raw,
            timeProvider.GetUtcNow())
        {
            ReceivedAt = entry.ReceivedAt,
        };
        var replaced = await store.ReplaceAsync(message, result, cancellationToken).ConfigureAwait(false);
        var orders = processed.IsQuarantined ? 0 : result.Orders.Count;
        var outcome = (wasQuarantined, processed.IsQuarantined, replaced) switch
        {
            (true, true, _) => ReprocessOutcome.StillQuarantined,
            (true, false, _) => ReprocessOutcome.NewlyProcessed,
            (false, _, ReplaceOutcome.Replaced) => ReprocessOutcome.Changed,
            _ => ReprocessOutcome.Unchanged,
        };
        return new ReprocessedMessage(entry, outcome, orders, result.Error);
    }
}
