namespace FleetManager.Storage.Users;

/// <summary>
/// The roles a built-in user may hold, as stored (the table's CHECK constraint lists the same words). Each role may
/// do everything the ones before it may: viewer reads and exports, dispatcher corrects, admin administers.
/// </summary>
public static class UserRoleNames
{
    public const string Viewer = "viewer";

    public const string Dispatcher = "dispatcher";

    public const string Admin = "admin";

    /// <summary>Every role, weakest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Dispatcher, Admin];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/> (exactly, lower case).</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
