namespace FleetManager.Storage.Users;

/// <summary>One built-in dashboard user (schema step 6, table <c>dashboard_user</c>).</summary>
/// <param name="Name">The name as it was added (names are unique ignoring case).</param>
/// <param name="Role">One of <see cref="UserRoleNames.All"/>: <c>viewer</c>, <c>dispatcher</c> or <c>admin</c>.</param>
/// <param name="PasswordHash">The password hash (ASP.NET Core Identity's V3 format); never the password, never printed.</param>
/// <param name="CreatedAt">When the user was added, by the adding program's clock.</param>
/// <param name="ChangedAt">When the role or password last changed (equal to <paramref name="CreatedAt"/> until then).</param>
public sealed record UserAccount(string Name, string Role, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    /// <summary>Keeps the hash out of logs and test output: a record's generated text would print every member.</summary>
    public override string ToString() => $"{Name} ({Role})";
}
