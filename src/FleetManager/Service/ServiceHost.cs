using FleetManager.Hosting;
using FleetManager.Core.Diagnostics;
using FleetManager.Dashboard;
using FleetManager.Dashboard.Hosting;
using FleetManager.Dashboard.Security;
using FleetManager.Core.Pipeline;
using FleetManager.Service.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace FleetManager.Service;

/// <summary>
/// Builds the <c>run</c> host: the poll loops, and Kestrel serving <c>/healthz*</c> and <c>/metrics</c>
/// on <see cref="ServiceOptions.Urls"/>. Tests build it the same way with their own configuration and services.
/// </summary>
internal static class ServiceHost
{
    /// <summary>The <c>run</c> host's builder over <paramref name="configuration"/> and the book at <paramref name="databasePath"/>, logging to <paramref name="log"/> (colours when <paramref name="colors"/>).</summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration, string databasePath, TextWriter log, bool colors)
    {
        var builder = WebHostBuilderFactory.Create(configuration, Urls(configuration), log, colors);
        builder.Services.AddFleetManagerService(configuration, databasePath);
        builder.Services.AddSourcePolling(configuration);
        if (DashboardEnabled(configuration))
        {
            // The dashboard on the same port (docs/dashboard.md); /healthz* and /metrics stay open for probes.
            builder.Services.AddFleetManagerDashboard(configuration, StoreConfiguration.Options(databasePath, configuration));
            AddDashboardServiceViews(builder.Services);
        }
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(FleetManagerMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var dashboard = DashboardEnabled(app.Configuration);
        // The probes first, then routing (explicitly, so the host does not put it in front of them).
        app.UseFleetManagerHealth();
        app.UseRouting();
        if (dashboard)
        {
            app.UseFleetManagerDashboardSecurity();
        }

        app.MapFleetManagerHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        if (dashboard)
        {
            // Listening from the start, so the status page counts every model call.
            _ = app.Services.GetRequiredService<ModelCallTally>();
            app.MapFleetManagerDashboard();
        }

        return app;
    }

    /// <summary>What the dashboard's status page, review queue ("retry") need from the service.</summary>
    private static void AddDashboardServiceViews(IServiceCollection services)
    {
        services.AddSingleton<ModelCallTally>();
        services.AddSingleton<IServiceStatusSource, DashboardServiceStatus>();
        // IMessageReadingPipeline ("reprocess") is registered by AddFleetManagerService, over this host's readers and geocoder.
    }

    private static bool DashboardEnabled(IConfiguration configuration) =>
        !string.Equals(configuration[$"{DashboardOptions.SectionName}:{nameof(DashboardOptions.Enabled)}"], "false", StringComparison.OrdinalIgnoreCase);

    private static string[] Urls(IConfiguration configuration)
    {
        var urls = configuration[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.Urls)}"];
        return (string.IsNullOrWhiteSpace(urls) ? new ServiceOptions().Urls : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
