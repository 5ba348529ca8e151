namespace FleetManager.Dashboard.Review;

/// <summary>One sink's undelivered outbox rows: how many, the oldest few, and the service's last failure to push them.</summary>
/// <param name="Sink">The sink (<c>sheets</c>).</param>
/// <param name="Depth">Rows waiting.</param>
/// <param name="Oldest">The oldest waiting rows' order keys and changes (at most a page).</param>
/// <param name="LastError">Why the service's last push failed; null when it did not fail or no service runs.</param>
public sealed record SinkBacklog(string Sink, long Depth, IReadOnlyList<string> Oldest, string? LastError);
