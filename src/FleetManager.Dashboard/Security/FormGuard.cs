using FleetManager.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// The checks before any state change of the review, messages and status pages: the antiforgery token first
/// (400, nothing changed), then the role the action needs (403 with whom to ask).
/// </summary>
public static class FormGuard
{
    /// <summary>A refusal to send, or null when the request may go on.</summary>
    public static async Task<IResult?> RefuseAsync(HttpContext context, IAntiforgery antiforgery, DashboardRole needed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var user = DashboardAccess.UserOf(context);
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return PageResults.Html(PageLayout.Render("Refused", user, new HtmlBuilder().Add($"""
                <h1>Refused</h1><p>This action came without a valid form token, so nothing was done. Reload the page and try again.</p>
                """)), StatusCodes.Status400BadRequest);
        }

        if (user.Role < needed)
        {
            var setting = needed == DashboardRole.Admin ? "Dashboard:Admins" : "Dashboard:Dispatchers";
            return PageResults.Html(PageLayout.Render("Not allowed", user, new HtmlBuilder().Add($"""
                <h1>Not allowed</h1><p>This action needs the {needed.ToString().ToLowerInvariant()} role. Ask an administrator to add you to {setting} (users of a sign-in proxy) or to run fleetmanager users set-role (built-in users).</p>
                """)), StatusCodes.Status403Forbidden);
        }

        return null;
    }
}
