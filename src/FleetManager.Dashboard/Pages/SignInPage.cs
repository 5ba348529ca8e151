using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>The sign-in form of the built-in users: labelled fields, the antiforgery token, no script of its own.</summary>
public static class SignInPage
{
    /// <summary>What a failed sign-in says: the same for an unknown name and a wrong password.</summary>
    public const string FailedMessage = "Wrong name or password.";

    /// <param name="user">Who the request already comes from (loopback's <c>local</c>, a session), or null.</param>
    /// <param name="antiforgeryToken">The form token of this request.</param>
    /// <param name="returnPath">The local page to open after signing in.</param>
    /// <param name="name">The name typed before (kept after a failure), or null.</param>
    /// <param name="failed">True after a wrong name or password.</param>
    public static string Render(DashboardUser? user, string antiforgeryToken, string returnPath, string? name, bool failed)
    {
        var html = new HtmlBuilder().Add($"""<h1>Sign in</h1>""");
        if (failed)
        {
            html.Add($"""<p class="error" role="alert" id="sign-in-error">{FailedMessage}</p>""");
        }

        html.Add($"""
            <form method="post" action="/login" class="sign-in">
            <input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
            <input type="hidden" name="returnUrl" value="{returnPath}">
            <p><label for="sign-in-name">Name</label><br><input id="sign-in-name" name="name" autocomplete="username" required maxlength="200" value="{name ?? ""}"></p>
            <p><label for="sign-in-password">Password</label><br><input id="sign-in-password" name="password" type="password" autocomplete="current-password" required maxlength="{UserPasswords.MaximumLength}"></p>
            <p><button type="submit" id="sign-in">Sign in</button></p>
            </form>
            <p class="meta">Users are added on the server with <code>fleetmanager users add NAME --role viewer|dispatcher|admin</code>.</p>
            """);
        return PageLayout.Render("Sign in", user, html);
    }
}
