using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Runs before every dashboard request (not <c>/healthz*</c> or <c>/metrics</c>, which stay open for probes):
/// sets the security headers, limits sign-in attempts, reads the session cookie and admits the request's user; a
/// request from nobody is sent to the sign-in page (pages) or answered 401 (<c>/api/*</c> and other methods).
/// </summary>
public static class DashboardSecurityMiddleware
{
    /// <summary>The page's policy: scripts and styles only from this server (no inline script), no framing of the dashboard.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Adds the middleware for every path except the probes'.</summary>
    /// <remarks>
    /// As <c>UseWhen</c> does, but the branch is built on the first dashboard request, not as the host starts: building
    /// it creates the rate limiter's and the authentication's middleware through <c>UseMiddleware</c>'s reflection
    /// binder and resolves their services and options, work a service that is only probed never needs and that stood
    /// between start and <c>/healthz/ready</c> (docs/benchmarks.md, "Start-up: closed options registrations").
    /// </remarks>
    public static IApplicationBuilder UseFleetManagerDashboardSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var branchBuilder = app.New()
            .Use(SetHeadersAsync)
            .UseRateLimiter()
            .UseAuthentication()
            .Use(AdmitAsync);
        return app.Use(next =>
        {
            branchBuilder.Run(next);
            var branch = new Lazy<RequestDelegate>(branchBuilder.Build, LazyThreadSafetyMode.ExecutionAndPublication);
            return context => IsDashboardPath(context.Request.Path) ? branch.Value(context) : next(context);
        });
    }

    internal static bool IsDashboardPath(PathString path) =>
        !path.StartsWithSegments("/healthz", StringComparison.Ordinal) && !path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    private static Task SetHeadersAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<DashboardAccess>();
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.IsHttps && access.FromTrustedProxy(context) && string.Equals(context.Request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase))
        {
            // The browser spoke HTTPS to the trusted proxy, which forwards plain HTTP: the request is HTTPS for everything
            // after this, so the session and antiforgery cookies are marked Secure (CookieSecurePolicy.SameAsRequest).
            context.Request.Scheme = "https";
        }

        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        return next(context);
    }

    private static async Task AdmitAsync(HttpContext context, RequestDelegate next)
    {
        // Static files carry no data: the sign-in page may use the style sheet.
        if (context.Request.Path.StartsWithSegments("/static", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var user = await context.RequestServices.GetRequiredService<DashboardAccess>().ResolveAsync(context, context.RequestAborted).ConfigureAwait(false);
        if (user is null && DashboardSession.NameOf(context.User) is not null)
        {
            // A session whose user was removed, or whose password or role changed since: its cookie goes.
            await context.SignOutAsync(DashboardSession.Scheme).ConfigureAwait(false);
            // Nobody from here on: a form token made now (the sign-in page's) must be made for nobody, as its POST will come.
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        if (user is not null)
        {
            DashboardAccess.Remember(context, user);
            await next(context).ConfigureAwait(false);
            return;
        }

        if (SignInEndpoints.IsSignInPath(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!Api.ApiProblems.IsApiPath(context.Request.Path) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.Redirect(SignInEndpoints.SignInPathFor(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
            return;
        }

        if (Api.ApiProblems.IsApiPath(context.Request.Path))
        {
            await Api.ApiProblems.WriteSignInRequiredAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "Sign-in required: sign in at /login (built-in users: fleetmanager users add), through the configured sign-in proxy " +
            "(Dashboard:TrustedProxies), or from this machine at http://127.0.0.1.\n").ConfigureAwait(false);
    }
}
