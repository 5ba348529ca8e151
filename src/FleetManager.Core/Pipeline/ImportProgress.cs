namespace FleetManager.Core.Pipeline;

/// <summary>Progress of an import: messages handled so far and the bytes of input they spanned.</summary>
/// <param name="OrdersListed">Once every message is committed: orders added to the orders list so far (the store's catch-up at the end of the run).</param>
public readonly record struct ImportProgress(int Messages, long Bytes, int OrdersListed = 0);
