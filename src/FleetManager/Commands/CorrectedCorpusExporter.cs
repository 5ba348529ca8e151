using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Review;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Commands;

/// <summary>
/// Writes the order book's messages as a labelled corpus in the layout <c>fleetmanager eval</c> reads
/// (order-format.md, "A corpus on disk"): per message <c>NAME.eml</c>, its bytes as received, beside
/// <c>NAME.expected.json</c>, the spec's result with the values people set as the truth (each field's latest
/// correction; the classification a person chose by reclassifying). Fields nobody corrected keep the value read:
/// a person who corrected one field of an order and left the rest has, in effect, accepted the rest.
/// </summary>
internal static class CorrectedCorpusExporter
{
    /// <summary>How many ledger rows one page reads (the export never holds the whole ledger).</summary>
    private const int PageSize = 500;

    /// <summary>Below this many processed messages the export says nothing until it is done.</summary>
    private const int ProgressEvery = 1000;

    /// <summary>
    /// Writes into <paramref name="folder"/> (an empty folder: the <see cref="AtomicExportDirectory"/>'s) the messages
    /// that have a correction, or with <paramref name="everyMessage"/> every processed message; progress lines go to
    /// <paramref name="progress"/>.
    /// </summary>
    public static async Task<CorrectedCorpusSummary> WriteAsync(IOrderStore store, string folder, bool everyMessage, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(progress);
        var corrections = await store.Corrections.AllAsync(cancellationToken).ConfigureAwait(false);
        var correctedMessages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var orderId in corrections.Keys)
        {
            // A row of the previous release (keyed by an order id only) may name an order a reprocess removed.
            if (await store.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false) is { } order)
            {
                correctedMessages.Add(order.Message.LedgerKey);
            }
        }

        // One streamed pass gives each message's order ids (not the orders: a big book does not fit in memory twice).
        var orderIds = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        await foreach (var order in store.QueryOrdersAsync(OrderQuery.All, cancellationToken).ConfigureAwait(false))
        {
            if (!orderIds.TryGetValue(order.Message.LedgerKey, out var ids))
            {
                orderIds[order.Message.LedgerKey] = ids = [];
            }

            ids.Add(order.Id);
        }

        int examined = 0, written = 0, withoutRaw = 0;
        long afterId = 0;
        while (true)
        {
            var page = await store.ListLedgerAsync(new LedgerQuery { Status = LedgerStatus.Processed, AfterId = afterId, Limit = PageSize }, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                afterId = entry.Id;
                examined++;
                if (examined % ProgressEvery == 0)
                {
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corrections export: {examined} messages examined, {written} written"));
                }

                var selected = everyMessage || correctedMessages.Contains(entry.LedgerKey)
                    || (await store.Corrections.ForMessageAsync(entry.LedgerKey, cancellationToken).ConfigureAwait(false)).Any(c => c.Field == MessageActions.ClassificationField);
                if (!selected)
                {
                    continue;
                }

                var raw = await store.GetRawMessageAsync(entry.LedgerKey, cancellationToken).ConfigureAwait(false);
                if (raw is null || raw.Length == 0)
                {
                    // Purged by Storage:RawMessageRetention: labels without the message would score nothing.
                    withoutRaw++;
                    continue;
                }

                var result = await TruthAsync(store, entry, orderIds.GetValueOrDefault(entry.LedgerKey), corrections, cancellationToken).ConfigureAwait(false);
                var name = FileName(entry);
                await File.WriteAllBytesAsync(Path.Combine(folder, name + ".eml"), raw, cancellationToken).ConfigureAwait(false);
                await File.WriteAllBytesAsync(Path.Combine(folder, name + ".expected.json"), JsonSerializer.SerializeToUtf8Bytes(result, FleetManagerJsonContext.Indented.EmailResult), cancellationToken)
                    .ConfigureAwait(false);
                written++;
            }
        }

        return new CorrectedCorpusSummary(examined, written, withoutRaw, correctedMessages.Count);
    }

    /// <summary>
    /// The message's labels: its classification as the book holds it (a reclassification already replaced it) and
    /// its orders in the order the message gives them, corrections applied. Coordinates and confidence are not part of
    /// extraction, so they are left out as the hand-labelled corpora leave them out.
    /// </summary>
    private static async Task<EmailResult> TruthAsync(
        IOrderStore store, LedgerEntry entry, List<long>? orderIds, IReadOnlyDictionary<long, IReadOnlyList<OrderCorrection>> corrections, CancellationToken cancellationToken)
    {
        var orders = new List<StoredOrder>();
        foreach (var id in orderIds ?? [])
        {
            if (await store.GetOrderAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                orders.Add(CorrectedOrders.Apply(stored, corrections.GetValueOrDefault(id)));
            }
        }

        return new EmailResult
        {
            MessageId = entry.MessageId,
            Classification = entry.Classification,
            Orders = entry.Classification == Classification.Order
                ? [.. orders.OrderBy(o => o.OrderIndex).Select(o => WithoutReaderExtras(o.Order))]
                : [],
        };
    }

    private static TransportOrder WithoutReaderExtras(TransportOrder order) => order with
    {
        Confidence = null,
        Stops = [.. order.Stops.Select(s => s with { Latitude = null, Longitude = null })],
    };

    /// <summary>
    /// <c>000042-subject-words</c>: the ledger id keeps names unique and in the mailbox's order; a few words of the
    /// subject, in ASCII, tell a person which message it is when <c>eval -v</c> lists a disagreement.
    /// </summary>
    internal static string FileName(LedgerEntry entry)
    {
        var slug = new StringBuilder();
        foreach (var c in (entry.Subject ?? "").Normalize(NormalizationForm.FormD))
        {
            if (slug.Length >= 40)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var words = slug.ToString().Trim('-');
        var id = entry.Id.ToString("D6", CultureInfo.InvariantCulture);
        return words.Length == 0 ? id : id + "-" + words;
    }
}
