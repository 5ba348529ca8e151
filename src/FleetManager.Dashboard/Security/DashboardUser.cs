namespace FleetManager.Dashboard.Security;

/// <summary>Who is making a dashboard request: the name recorded on corrections, and the role.</summary>
public sealed record DashboardUser(string Name, DashboardRole Role)
{
    /// <summary>The loopback user when <see cref="DashboardOptions.LoopbackWithoutLogin"/> is on.</summary>
    public static DashboardUser Local { get; } = new("local", DashboardRole.Admin);

    /// <summary>True for a built-in user signed in with a session cookie (the page offers "Sign out").</summary>
    public bool SignedIn { get; init; }

    /// <summary>True when the user may correct orders and change status.</summary>
    public bool MayCorrect => Role >= DashboardRole.Dispatcher;
}
