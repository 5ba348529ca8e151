namespace FleetManager.Service;

/// <summary>What a failed poll or push asks the operator (or the scheduler) to do next.</summary>
public enum FailureKind
{
    /// <summary>A passing problem (network, server busy, timeout): the next poll retries.</summary>
    Transient,

    /// <summary>Credentials were refused: fix them; retrying will not help.</summary>
    Authentication,

    /// <summary>Settings cannot work (a missing folder, an unknown host): fix the configuration.</summary>
    Configuration,

    /// <summary>The order book cannot be used (file missing, unreadable, newer schema).</summary>
    Store,
}
