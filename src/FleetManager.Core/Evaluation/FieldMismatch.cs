namespace FleetManager.Core.Evaluation;

/// <summary>One disagreement between a result and its expected file, for reading what went wrong.</summary>
public sealed record FieldMismatch(string MessageId, int OrderIndex, string Field, string? Expected, string? Actual);
