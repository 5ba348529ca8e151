using FleetManager.Dashboard.Security;
using FleetManager.Storage.Users;

namespace FleetManager.Dashboard.Pages;

/// <summary>The built-in users for administrators: name, role, added, last changed (never a hash). Changes are the CLI's.</summary>
public static class UsersPage
{
    public static string Render(DashboardUser user, IReadOnlyList<UserAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var html = new HtmlBuilder().Add($"""
            <h1>Users</h1>
            <p class="meta">Built-in users sign in at /login. They are added, removed and changed on the server with
            <code>fleetmanager users add|remove|set-role|passwd</code> (docs/dashboard.md); users of a sign-in proxy are not listed here.</p>
            """);
        if (accounts.Count == 0)
        {
            html.Add($"""<p id="no-users">No built-in users yet.</p>""");
            return PageLayout.Render("Users", user, html);
        }

        html.Add($"""
            <table class="users">
            <caption>{accounts.Count} users</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Added</th><th scope="col">Changed</th></tr></thead>
            <tbody>
            """);
        foreach (var account in accounts)
        {
            html.Add($"""<tr><td>{account.Name}</td><td>{account.Role}</td><td>{DashboardTime.Minute(account.CreatedAt)}</td><td>{DashboardTime.Minute(account.ChangedAt)}</td></tr>""");
        }

        html.Add($"""
            </tbody>
            </table>
            """);
        return PageLayout.Render("Users", user, html);
    }
}
