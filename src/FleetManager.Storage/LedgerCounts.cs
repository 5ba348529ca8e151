using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>Totals of the ledger: messages processed and quarantined, processed ones by classification, and orders stored.</summary>
/// <param name="Processed">Messages read and classified.</param>
/// <param name="Quarantined">Messages that could not be read.</param>
/// <param name="ByClassification">Processed messages per classification (every classification present, zero when none).</param>
/// <param name="Orders">Orders in the order book.</param>
public sealed record LedgerCounts(
    long Processed,
    long Quarantined,
    IReadOnlyDictionary<Classification, long> ByClassification,
    long Orders)
{
    /// <summary>All messages in the ledger.</summary>
    public long Total => Processed + Quarantined;
}
