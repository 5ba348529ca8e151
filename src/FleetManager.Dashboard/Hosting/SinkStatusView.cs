namespace FleetManager.Dashboard.Hosting;

/// <summary>One outbox sink on the status page and in the review queue.</summary>
/// <param name="Name">The sink (<c>sheets</c>).</param>
/// <param name="Depth">Rows waiting, as of the last push (null before the first).</param>
/// <param name="LastPush">When a push last succeeded.</param>
/// <param name="Error">Why the last push failed; null when it succeeded.</param>
public sealed record SinkStatusView(string Name, long? Depth, DateTimeOffset? LastPush, string? Error);
