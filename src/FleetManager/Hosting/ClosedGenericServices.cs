using System.Diagnostics.CodeAnalysis;
using FleetManager.Dashboard;
using FleetManager.Geocoding;
using FleetManager.Mail.Imap;
using FleetManager.Mail.Parsing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;
using Microsoft.Extensions.WebEncoders;
using OpenTelemetry.Exporter;

namespace FleetManager.Hosting;

/// <summary>
/// Closed registrations of the options and logger services that a web host resolves on its way to ready, so the DI
/// container finds an exact registration instead of closing its open generic ones (<c>IOptions&lt;&gt;</c>,
/// <c>IOptionsMonitor&lt;&gt;</c>, <c>IOptionsFactory&lt;&gt;</c>, <c>IOptionsMonitorCache&lt;&gt;</c>,
/// <c>ILogger&lt;&gt;</c>) at run time.
/// </summary>
/// <remarks>
/// Under Native AOT a closing the compiler did not see is built by the runtime's type loader: for every options type
/// about thirteen types (the manager, monitor, factory, cache, the enumerables of its configure/post-configure/validate
/// services and their arrays), each found by decoding metadata names, plus reflection over the new types' constructors.
/// A start of <c>run</c> closed ≈ 520 such types (traced with the DI EventSource), a third of its CPU before ready
/// (docs/benchmarks.md, "Start-up: closed options registrations"). The lambdas below name each closed type, so the
/// compiler builds it ahead of time and the container calls a delegate. The instances are the ones the open generic
/// registrations would have made (<see cref="OptionsFactory{TOptions}"/> with every configure, post-configure and
/// validate service; <see cref="OptionsMonitor{TOptions}"/> with the change-token sources), so behaviour is unchanged;
/// TryAdd keeps any closed registration made before.
/// </remarks>
internal static class ClosedGenericServices
{
    /// <summary>The options and loggers a <c>run</c> or <c>serve</c> host resolves before it answers its first request.</summary>
    public static IServiceCollection AddClosedHostServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // FleetManager's own options (the service's own, Service/, register themselves in ServiceComposition:
        // Hosting does not depend on Service).
        AddOptionsServices<MailLimitsOptions>(services);
        AddOptionsServices<ImapOptions>(services);
        AddOptionsServices<GeocodingOptions>(services);
        AddOptionsServices<DashboardOptions>(services);

        // The framework's: hosting, logging, Kestrel, routing, metrics.
        AddOptionsServices<HostOptions>(services);
        AddOptionsServices<ConsoleLifetimeOptions>(services);
        AddOptionsServices<LoggerFilterOptions>(services);
        AddOptionsServices<LoggerFactoryOptions>(services);
        AddOptionsServices<ConsoleLoggerOptions>(services);
        AddOptionsServices<ConsoleFormatterOptions>(services);
        AddOptionsServices<SimpleConsoleFormatterOptions>(services);
        AddOptionsServices<JsonConsoleFormatterOptions>(services);
        AddOptionsServices<KestrelServerOptions>(services);
        AddOptionsServices<SocketTransportOptions>(services);
        AddOptionsServices<HostFilteringOptions>(services);
        AddOptionsServices<RouteOptions>(services);
        AddOptionsServices<RouteHandlerOptions>(services);
        AddOptionsServices<Microsoft.AspNetCore.Http.Json.JsonOptions>(services);
        AddOptionsServices<FormOptions>(services);
        AddOptionsServices<WebEncoderOptions>(services);
        AddOptionsServices<MetricsOptions>(services);
        AddOptionsServices<PrometheusAspNetCoreOptions>(services);
        AddOptionsServices<ValidationOptions>(services);

        // The dashboard's: sign-in cookie, data protection, rate limits, OpenAPI document.
        AddOptionsServices<AuthenticationOptions>(services);
        AddOptionsServices<CookieAuthenticationOptions>(services);
        AddOptionsServices<DataProtectionOptions>(services);
        AddOptionsServices<KeyManagementOptions>(services);
        AddOptionsServices<RateLimiterOptions>(services);
        AddOptionsServices<OpenApiOptions>(services);

        // Loggers of the services that start with the host.
        AddLogger<HostFilteringMiddleware>(services);
        return services;
    }

    /// <summary>Exact registrations of the singleton options services for <typeparamref name="TOptions"/>.</summary>
    public static void AddOptionsServices<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services)
        where TOptions : class
    {
        services.TryAddSingleton<IOptionsFactory<TOptions>>(provider => new OptionsFactory<TOptions>(
            provider.GetServices<IConfigureOptions<TOptions>>(),
            provider.GetServices<IPostConfigureOptions<TOptions>>(),
            provider.GetServices<IValidateOptions<TOptions>>()));
        services.TryAddSingleton<IOptionsMonitorCache<TOptions>>(_ => new OptionsCache<TOptions>());
        services.TryAddSingleton<IOptionsMonitor<TOptions>>(provider => new OptionsMonitor<TOptions>(
            provider.GetRequiredService<IOptionsFactory<TOptions>>(),
            provider.GetServices<IOptionsChangeTokenSource<TOptions>>(),
            provider.GetRequiredService<IOptionsMonitorCache<TOptions>>()));
        // OptionsManager creates the default instance on first read of Value and keeps it, as the framework's
        // IOptions<T> implementation does.
        services.TryAddSingleton<IOptions<TOptions>>(provider => new OptionsManager<TOptions>(provider.GetRequiredService<IOptionsFactory<TOptions>>()));
    }

    /// <summary>An exact registration of <see cref="ILogger{TCategoryName}"/> for <typeparamref name="TCategory"/>.</summary>
    public static void AddLogger<TCategory>(IServiceCollection services) =>
        services.TryAddSingleton<ILogger<TCategory>>(provider => new Logger<TCategory>(provider.GetRequiredService<ILoggerFactory>()));
}
