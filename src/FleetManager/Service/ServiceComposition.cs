using FleetManager.Core.Diagnostics;
using FleetManager.Core.Pipeline;
using FleetManager.Service.Doctor;
using FleetManager.Service.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetManager.Service;

/// <summary>
/// The service's composition root, shared by <c>run</c>, <c>poll --once</c> and <c>doctor</c>. Adapters
/// add themselves next to it: a source kind is an <see cref="IMailboxFactory"/>, a reader an
/// <see cref="IOrderReaderFactory"/>, a sink an <see cref="IOutboxSink"/>, a doctor check an
/// <see cref="IDoctorCheck"/>; the store registers its <see cref="ICursorStore"/>, <see cref="ILeaseStore"/>,
/// <see cref="IOutbox"/> and <see cref="IStoreProbe"/> (until then the in-process stand-ins below serve).
/// </summary>
internal static class ServiceComposition
{
    public static IServiceCollection AddFleetManagerService(this IServiceCollection services, IConfiguration configuration, string databasePath)
    {
        services.AddOptions<ServiceOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SourcesOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<FleetManagerMetrics>();
        services.TryAddSingleton<ServiceIdentity>();
        services.TryAddSingleton<ServiceState>();
        services.TryAddSingleton<SourceCatalog>();
        services.TryAddSingleton<SecretRedactor>();
        services.TryAddSingleton<SourceWorkerFactory>();
        services.TryAddSingleton<OutboxPusher>();
        services.TryAddSingleton<HealthReporter>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailboxFactory, FolderMailboxFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOrderReaderFactory, RulesOrderReaderFactory>());

        services.TryAddSingleton(new StoreLocation(databasePath));
        services.TryAddSingleton<LazyOrderBook>();
        services.TryAddSingleton<IOrderBook>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton<IStoreProbe, SqliteStoreProbe>();
        services.TryAddSingleton<ICursorStore>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton<ILeaseStore>(sp => sp.GetRequiredService<LazyOrderBook>());

        services.AddDoctorChecks();
        return services;
    }

    /// <summary>One poll loop per configured source (the <c>run</c> verb).</summary>
    public static IServiceCollection AddSourcePolling(this IServiceCollection services, IConfiguration configuration)
    {
        var count = Math.Max(1, configuration.GetSection("Sources").GetChildren().Count());
        for (var i = 0; i < count; i++)
        {
            var index = i;
            // Plain AddSingleton: AddHostedService with a factory would keep only the first of the same type.
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<SourcePollingService>(sp, index));
        }

        services.AddOptions<HostOptions>().Configure<IOptions<ServiceOptions>>((host, service) =>
        {
            host.ServicesStartConcurrently = true;
            host.ServicesStopConcurrently = true;
            host.ShutdownTimeout = service.Value.ShutdownTimeout;
        });
        return services;
    }
}
