using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>"Sign out" as a form (a POST with the antiforgery token: a link or an image elsewhere cannot sign anyone out).</summary>
public static class SignOutPage
{
    public static string Render(DashboardUser? user, string antiforgeryToken)
    {
        var html = new HtmlBuilder().Add($"""<h1>Sign out</h1>""");
        if (user is { SignedIn: true })
        {
            html.Add($"""
                <p>Signed in as {user.Name}.</p>
                <form method="post" action="/logout">
                <input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                <p><button type="submit" id="sign-out">Sign out</button></p>
                </form>
                """);
        }
        else
        {
            html.Add($"""<p>There is no session to end. <a href="/login">Sign in</a></p>""");
        }

        return PageLayout.Render("Sign out", user, html);
    }
}
