namespace FleetManager.Dashboard.Api;

/// <summary>Where in the message's analysed text a field was read (what the order page highlights).</summary>
/// <param name="Start">Character offset in the analysed text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Text">The characters themselves; null when the message's bytes are no longer kept.</param>
public sealed record FieldEvidence(int Start, int Length, string? Text);
