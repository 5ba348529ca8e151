using System.Threading.RateLimiting;
using FleetManager.Dashboard.Api;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard;

/// <summary>
/// Adds the dashboard's services: options (validated at start), access, the store it reads, antiforgery, the built-in
/// users' cookie sessions (keys kept under DATA_DIR) and the sign-in rate limit.
/// </summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddFleetManagerDashboard(this IServiceCollection services, IConfiguration configuration, OrderStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardAccess>();
        services.TryAddSingleton<UserPasswords>();
        services.TryAddSingleton(new DashboardStoreLocation(store));
        services.TryAddSingleton<DashboardStore>();
        // The host registers its reading pipeline (reprocess, reclassify) when it has one.
        services.TryAddSingleton(sp => new Review.MessageActions(sp.GetRequiredService<DashboardStoreLocation>(), sp.GetRequiredService<DashboardStore>(),
            sp.GetService<Hosting.IMessageReadingPipeline>(), sp.GetRequiredService<TimeProvider>()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "fm-antiforgery";
            // Secure whenever the request is HTTPS (also behind a trusted proxy that forwards HTTPS as plain HTTP).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
            // The security middleware sends X-Frame-Options itself (DENY, or SAMEORIGIN for the message frame).
            options.SuppressXFrameOptionsHeader = true;
        });

        // The keys encrypt the session and antiforgery cookies: kept on disk so a restart or the other colour of a
        // blue-green pair (same DATA_DIR) still reads them.
        services.AddDataProtection()
            .SetApplicationName("FleetManager.Dashboard")
            .PersistKeysToFileSystem(DashboardKeysDirectory.Prepare(DashboardKeysDirectory.For(configuration, store)));
        services.AddAuthentication(DashboardSession.Scheme).AddCookie(DashboardSession.Scheme, options =>
        {
            options.Cookie.Name = DashboardSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS; plain HTTP on loopback still works for desktop use.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
        });
        services.AddOptions<CookieAuthenticationOptions>(DashboardSession.Scheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) => cookie.ExpireTimeSpan = dashboard.Value.SessionLifetime);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInEndpoints.RateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (rejected, cancellation) =>
            {
                var context = rejected.HttpContext;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInEndpoints).FullName!);
                SignInLog.Limited(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Pages.PageLayout.Render("Too many attempts", null, new HtmlBuilder().Add($"""
                    <h1>Too many sign-in attempts</h1><p>Too many sign-in attempts came from this address. Wait a minute, then <a href="/login">try again</a>.</p>
                    """)), cancellation).ConfigureAwait(false);
            };
        });
        services.AddFleetManagerApi();
        // Last: antiforgery and the cookie handler each add data protection (and its hosted service) again.
        RemoveKeyRingLoadAtStart(services);
        return services;
    }

    /// <summary>The full name of the hosted service <c>AddDataProtection</c> registers (internal to ASP.NET Core).</summary>
    internal const string KeyRingLoadAtStartService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>
    /// Removes data protection's hosted service, which loads the key ring when the host starts (and creates the first
    /// key on a new data folder): the ring is then loaded by the first request that needs a key (the sign-in form's
    /// antiforgery token, a session cookie), as data protection does without the hosted service.
    /// </summary>
    /// <remarks>
    /// Why: loading the ring is what loads OpenSSL at start in a service whose sources need no TLS (a watched folder):
    /// the key's random bytes and its encryptor come from libcrypto. Loaded at
    /// start, libcrypto and libssl stay resident (about 4.5 MiB of a 40 MiB idle service, whose root-owned files the
    /// idle release cannot page out) although nobody may open the dashboard for days; the start also pays for it.
    /// The first sign-in after a start now pays it instead (a few milliseconds, once).
    /// </remarks>
    private static void RemoveKeyRingLoadAtStart(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == KeyRingLoadAtStartService)
            {
                services.RemoveAt(i);
            }
        }
    }
}
