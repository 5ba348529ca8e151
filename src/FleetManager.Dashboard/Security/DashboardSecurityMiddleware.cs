using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Runs before every dashboard request (not <c>/healthz*</c> or <c>/metrics</c>, which stay open for probes):
/// sets the security headers and admits the request's user, or answers 401 with what to do.
/// </summary>
public static class DashboardSecurityMiddleware
{
    /// <summary>The page's policy: scripts and styles only from this server (no inline script), no framing of the dashboard.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Adds the middleware for every path except the probes'.</summary>
    public static IApplicationBuilder UseFleetManagerDashboardSecurity(this IApplicationBuilder app) =>
        app.UseWhen(context => IsDashboardPath(context.Request.Path), branch => branch.Use(InvokeAsync));

    internal static bool IsDashboardPath(PathString path) =>
        !path.StartsWithSegments("/healthz", StringComparison.Ordinal) && !path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<DashboardAccess>();
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps || (access.FromTrustedProxy(context) && string.Equals(context.Request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase)))
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        // Static files carry no data: the sign-in page may use the style sheet.
        if (context.Request.Path.StartsWithSegments("/static", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var user = access.Resolve(context);
        if (user is null)
        {
            if (Api.ApiProblems.IsApiPath(context.Request.Path))
            {
                await Api.ApiProblems.WriteSignInRequiredAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Pages.PageLayout.Render("Sign-in required", null, new HtmlBuilder().Add($"""
                <h1>Sign-in required</h1>
                <p>The dashboard serves requests from this machine without login; from anywhere else it needs a sign-in.
                Open it through the configured sign-in proxy (Dashboard:TrustedProxies), or on this machine at http://127.0.0.1.</p>
                """))).ConfigureAwait(false);
            return;
        }

        DashboardAccess.Remember(context, user);
        await next(context).ConfigureAwait(false);
    }
}
