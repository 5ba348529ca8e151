namespace FleetManager.Core.Rules.Dates;

/// <summary>A date found in text: where it was written and the calendar day it names.</summary>
public readonly record struct DateMatch(int Index, int Length, DateOnly Date);
