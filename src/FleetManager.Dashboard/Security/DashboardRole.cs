namespace FleetManager.Dashboard.Security;

/// <summary>What a signed-in user may do; each role may do everything the ones before it may.</summary>
public enum DashboardRole
{
    /// <summary>Reads orders and messages, exports.</summary>
    Viewer,

    /// <summary>Also corrects fields and changes an order's status.</summary>
    Dispatcher,

    /// <summary>Also administers.</summary>
    Admin,
}
