namespace FleetManager.Service.Sources;

/// <summary>What a source's poll loop is doing now.</summary>
public enum SourceActivity
{
    /// <summary>Started, no poll yet.</summary>
    Starting,

    /// <summary>A poll is running.</summary>
    Polling,

    /// <summary>Between polls, last poll succeeded.</summary>
    Idle,

    /// <summary>Between polls, last poll failed.</summary>
    Failing,

    /// <summary>Another instance holds this source's lease; this one waits to take over.</summary>
    Standby,

    /// <summary>Disabled in configuration.</summary>
    Disabled,

    /// <summary>The service is stopping or stopped.</summary>
    Stopped,
}
