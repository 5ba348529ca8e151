namespace FleetManager.Service.Health;

/// <summary>The service's overall state in <c>/healthz</c>.</summary>
public enum HealthStatus
{
    Healthy,

    /// <summary>Running, but a source has not succeeded for longer than <c>Service:StaleAfterIntervals</c> of its intervals, or is failing.</summary>
    Degraded,

    /// <summary>Not ready: the store is unreachable or a source cannot poll.</summary>
    Unhealthy,
}
