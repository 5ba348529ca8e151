namespace FleetManager.Core.Pipeline;

/// <summary>Progress of an import: messages handled so far and the bytes of input they spanned.</summary>
public readonly record struct ImportProgress(int Messages, long Bytes);
