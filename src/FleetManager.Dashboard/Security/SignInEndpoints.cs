using FleetManager.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Sign-in and sign-out of the built-in users (<c>fleetmanager users</c>), and the admins' list of them:
/// <c>GET/POST /login</c>, <c>GET/POST /logout</c>, <c>GET /users</c>. The POSTs check the antiforgery token first
/// (400, nothing done); sign-in attempts are limited per client address (<see cref="RateLimitPolicy"/>) and a wrong
/// name and a wrong password get the same answer after the same work.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>The rate-limiter policy of <c>POST /login</c> (<see cref="DashboardOptions.SignInAttemptsPerMinute"/> per client address).</summary>
    public const string RateLimitPolicy = "dashboard-sign-in";

    private const string SignInPath = "/login";

    /// <summary>True for the paths a request from nobody may reach: the sign-in page and its POST, and sign-out.</summary>
    public static bool IsSignInPath(PathString path) =>
        path.Equals(SignInPath, StringComparison.Ordinal) || path.Equals("/logout", StringComparison.Ordinal);

    /// <summary>The sign-in page that returns to <paramref name="returnPath"/> afterwards.</summary>
    internal static string SignInPathFor(string returnPath) => SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnPath);

    public static IEndpointRouteBuilder MapFleetManagerSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            SignInForm(context, antiforgery, LocalOrOrders(returnUrl), name: null, failed: false));
        endpoints.MapPost(SignInPath, async (HttpContext context, IAntiforgery antiforgery, DashboardStore store, UserPasswords passwords, ILoggerFactory logs) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Refused(context);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var name = form["name"].ToString().Trim();
            var password = form["password"].ToString();
            var returnPath = LocalOrOrders(form["returnUrl"]);
            var account = name.Length == 0 ? null : await store.UseAsync((orders, _, token) => orders.Users.FindAsync(name, token), context.RequestAborted).ConfigureAwait(false);
            var logger = logs.CreateLogger(typeof(SignInEndpoints).FullName!);
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!passwords.Verify(account, password))
            {
                SignInLog.Refused(logger, address);
                return SignInForm(context, antiforgery, returnPath, name, failed: true);
            }

            await context.SignInAsync(DashboardSession.Scheme, DashboardSession.PrincipalOf(account!)).ConfigureAwait(false);
            SignInLog.SignedIn(logger, account!.Name, address);
            return Results.Redirect(returnPath);
        }).RequireRateLimiting(RateLimitPolicy);
        endpoints.MapGet("/logout", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return PageResults.Html(SignOutPage.Render(CurrentUser(context), tokens.RequestToken!));
        });
        endpoints.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Refused(context);
            }

            await context.SignOutAsync(DashboardSession.Scheme).ConfigureAwait(false);
            return Results.Redirect(SignInPath);
        });
        endpoints.MapGet("/users", async (HttpContext context, DashboardStore store) =>
        {
            var user = DashboardAccess.UserOf(context);
            if (user.Role < DashboardRole.Admin)
            {
                return PageResults.Html(PageLayout.Render("Not allowed", user, new HtmlBuilder().Add($"""
                    <h1>Not allowed</h1><p>The list of users is for administrators.</p>
                    """)), StatusCodes.Status403Forbidden);
            }

            var users = await store.UseAsync((orders, _, token) => orders.Users.ListAsync(token), context.RequestAborted).ConfigureAwait(false);
            return PageResults.Html(UsersPage.Render(user, users));
        });
        return endpoints;
    }

    /// <summary>A return address on this dashboard only: anything else (another site, <c>//host</c>) becomes the orders list.</summary>
    internal static string LocalOrOrders(string? returnPath) =>
        returnPath is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/orders";

    private static IResult SignInForm(HttpContext context, IAntiforgery antiforgery, string returnPath, string? name, bool failed)
    {
        // The token is made for nobody: the POST comes before any session exists.
        var tokens = antiforgery.GetAndStoreTokens(context);
        return PageResults.Html(
            Pages.SignInPage.Render(CurrentUser(context), tokens.RequestToken!, returnPath, name, failed),
            failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    private static DashboardUser? CurrentUser(HttpContext context) =>
        context.Items.ContainsKey(DashboardAccess.ItemKey) ? DashboardAccess.UserOf(context) : null;

    private static IResult Refused(HttpContext context) =>
        PageResults.Html(PageLayout.Render("Refused", CurrentUser(context), new HtmlBuilder().Add($"""
            <h1>Refused</h1><p>This form came without a valid form token, so nothing was done. <a href="/login">Open the sign-in page</a> and try again.</p>
            """)), StatusCodes.Status400BadRequest);
}
