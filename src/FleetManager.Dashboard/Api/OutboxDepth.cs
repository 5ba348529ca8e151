namespace FleetManager.Dashboard.Api;

/// <summary>Rows waiting in the outbox for one sink.</summary>
/// <param name="Sink">The sink (<c>sheets</c>).</param>
/// <param name="Depth">Rows waiting.</param>
public sealed record OutboxDepth(string Sink, long Depth);
