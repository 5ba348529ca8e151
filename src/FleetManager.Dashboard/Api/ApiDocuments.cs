using FleetManager.Core.Model;
using FleetManager.Dashboard.Messages;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Api;

/// <summary>Turns the order book's rows into the API's documents (one place, so every endpoint names things alike).</summary>
public static class ApiDocuments
{
    /// <summary>The class of a ledger message: the spec's classification, or <c>quarantined</c>.</summary>
    public static string ClassOf(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status == LedgerStatus.Quarantined ? "quarantined"
            : entry.Classification is { } classification ? SpecVocabulary.Classifications.Of(classification) : "unclassified";
    }

    public static MessageSummary Message(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MessageSummary(entry.Id, entry.MessageId, entry.SourceKey, entry.Subject, entry.From, entry.Date, entry.ReceivedAt,
            entry.ProcessedAt, ClassOf(entry), entry.Status == LedgerStatus.Quarantined ? entry.Error : null, entry.OrderCount);
    }

    /// <summary>The ledger's totals by class, and <c>all</c>.</summary>
    public static Dictionary<string, long> Totals(LedgerCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (classification, count) in counts.ByClassification)
        {
            totals[SpecVocabulary.Classifications.Of(classification)] = count;
        }

        totals["quarantined"] = counts.Quarantined;
        totals["all"] = counts.Total;
        return totals;
    }

    public static CorrectionDocument Correction(OrderCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return new CorrectionDocument(correction.Id, correction.Field, correction.ValueRead, correction.ValueSet, correction.CorrectedBy, correction.CorrectedAt);
    }

    /// <summary>
    /// One order: <paramref name="read"/> with <paramref name="corrections"/> applied, its status, the evidence of each
    /// field as read (the spans index the analysed text of <paramref name="message"/>), the audit newest first.
    /// </summary>
    public static OrderDocument Order(StoredOrder read, IReadOnlyList<OrderCorrection> corrections, OrderReview review, MessageView? message)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(review);
        var corrected = CorrectedOrders.Apply(read, corrections).Order;
        var text = message?.AnalysedText;
        var evidence = new SortedDictionary<string, FieldEvidence>(StringComparer.Ordinal);
        foreach (var (field, span) in read.Order.Sources)
        {
            var inside = text is not null && span.Start >= 0 && span.Length > 0 && span.Start + span.Length <= text.Length;
            evidence[field] = new FieldEvidence(span.Start, span.Length, inside ? text!.Substring(span.Start, span.Length) : null);
        }

        return new OrderDocument(read.Id, read.OrderIndex, OrderStatusNames.Of(review.Status), review.ChangedBy, review.ChangedAt,
            OrderReviewNeed.Of(corrected, review.Status), Message(read.Message), corrected, corrected.Confidence, evidence,
            [.. corrections.OrderByDescending(c => c.Id).Select(Correction)]);
    }
}
