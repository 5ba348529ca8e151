using FleetManager.Core.Errors;
using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>What an import did: counts by outcome and how long it took.</summary>
public sealed record ImportSummary
{
    public int MessagesRead { get; init; }
    public int OrderMessages { get; init; }
    public int Orders { get; init; }
    public int Invoices { get; init; }
    public int Other { get; init; }
    public int Quarantined { get; init; }
    /// <summary>Messages the order book held before this run (a re-import).</summary>
    public int SkippedAlreadyProcessed { get; init; }

    /// <summary>Second and later copies of one message within this input (same Message-ID or same bytes).</summary>
    public int DuplicatesInInput { get; init; }
    public TimeSpan Elapsed { get; init; }

    public double MessagesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : MessagesRead / Elapsed.TotalSeconds;

    /// <summary>What the model reader spent (calls, tokens, calls saved by the pre-filter); <see cref="ModelUsage.None"/> for the rules engine.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>
    /// Set when the run stopped early because of a failure that is not one message's fault (a daily quota
    /// spent, a rejected key, a geocoder's refused configuration): the messages before it are committed,
    /// the rest are not in the ledger and a later run reads them.
    /// </summary>
    public FleetManagerException? StoppedBy { get; init; }

    /// <summary>Quarantine reasons in input order (source key, reason), for the report.</summary>
    public IReadOnlyList<(string SourceKey, string Reason)> QuarantineReasons { get; init; } = [];
}
