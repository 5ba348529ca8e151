namespace FleetManager.Storage.Reprocessing;

/// <summary>The counts of one <c>fleetmanager reprocess</c> run.</summary>
public sealed class ReprocessSummary
{
    private readonly Dictionary<ReprocessOutcome, int> _counts = Enum.GetValues<ReprocessOutcome>().ToDictionary(o => o, _ => 0);

    /// <summary>Messages read again.</summary>
    public int Messages { get; private set; }

    /// <summary>How many messages ended with <paramref name="outcome"/>.</summary>
    public int Count(ReprocessOutcome outcome) => _counts[outcome];

    internal void Add(ReprocessOutcome outcome)
    {
        Messages++;
        _counts[outcome]++;
    }
}
