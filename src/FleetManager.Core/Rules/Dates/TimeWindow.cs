namespace FleetManager.Core.Rules.Dates;

/// <summary>A stop's time window: an exact slot sets both bounds, an open bound sets one.</summary>
public readonly record struct TimeWindow(TimeOnly? From, TimeOnly? To)
{
    public bool IsEmpty => From is null && To is null;
}
