namespace FleetManager.StandIns;

/// <summary>A request a stand-in received (for asserting request shapes, counts and rates).</summary>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, int? FaultStatus);
