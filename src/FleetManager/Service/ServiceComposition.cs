using FleetManager.Core.Errors;
using FleetManager.Core.Diagnostics;
using FleetManager.Core.Pipeline;
using FleetManager.Geocoding;
using FleetManager.Llm;
using FleetManager.Google;
using FleetManager.Google.Auth;
using FleetManager.Google.Sheets;
using FleetManager.Hosting;
using FleetManager.Mail.Imap;
using FleetManager.Mail.Parsing;
using FleetManager.Storage;
using FleetManager.Service.Doctor;
using FleetManager.Service.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FleetManager.Service.Outbox;
using FleetManager.Service.Readers;
using FleetManager.Service.Sources;
using FleetManager.Service.Store;

namespace FleetManager.Service;

/// <summary>
/// The service's composition root, shared by <c>run</c>, <c>poll --once</c> and <c>doctor</c>. Adapters
/// add themselves next to it: a source kind is an <see cref="IMailboxFactory"/>, a reader an
/// <see cref="IOrderReaderFactory"/>, a sink an <see cref="IOutboxSink"/>, a doctor check an
/// <see cref="IDoctorCheck"/>. The order book (SQLite or PostgreSQL, by the connection string) is also the
/// cursor, lease, outbox and geocode-cache store, opened on first use.
/// </summary>
internal static class ServiceComposition
{
    public static IServiceCollection AddFleetManagerService(this IServiceCollection services, IConfiguration configuration, string databasePath)
    {
        services.AddOptions<ServiceOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>());
        services.AddOptions<SourcesOptions>().Bind(configuration).ValidateOnStart()
            .PostConfigure(options =>
            {
                // A source without its own Reader uses Reader:Kind (FLEETMANAGER__READER__KIND), as import does.
                var sections = configuration.GetSection("Sources").GetChildren().ToList();
                for (var i = 0; i < options.Sources.Count && i < sections.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(sections[i]["Reader"]))
                    {
                        options.Sources[i].Reader = ReaderConfiguration.DefaultReader(configuration);
                    }
                }
            });
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddOptions<MailLimitsOptions>().Bind(configuration.GetSection(MailLimitsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailLimitsOptions>, MailLimitsOptionsValidator>());

        // Exact registrations of the service's own options and loggers, so Native AOT does not close the open generic
        // ones at run time before ready (Hosting/ClosedGenericServices.cs says why; it registers the framework's).
        ClosedGenericServices.AddOptionsServices<ServiceOptions>(services);
        ClosedGenericServices.AddOptionsServices<SourcesOptions>(services);
        ClosedGenericServices.AddLogger<SourcePollingService>(services);
        ClosedGenericServices.AddLogger<RawMessageRetentionService>(services);
        ClosedGenericServices.AddLogger<OutboxPusher>(services);
        ClosedGenericServices.AddLogger<IdleMemoryReleaser>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton(provider => new FleetManagerMetrics(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>())
        {
            RevealSourceNames = provider.GetRequiredService<IOptions<ServiceOptions>>().Value.HealthDetail,
        });
        services.TryAddSingleton<ServiceIdentity>();
        services.TryAddSingleton<ServiceState>();
        services.TryAddSingleton<SourceCatalog>();
        services.TryAddSingleton(provider => ConfiguredSecrets.Redactor(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<SourceWorkerFactory>();
        services.TryAddSingleton<OutboxPusher>();
        services.TryAddSingleton<HealthReporter>();
        services.TryAddSingleton<IdleMemoryReleaser>();

        services.AddGoogleCredential(SharedGoogleCredential.Name, configuration);
        services.TryAddSingleton<SharedGoogleCredential>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailboxFactory, FolderMailboxFactory>());
        // Each gmail source is a keyed mailbox of this container (by its section's path), built when its worker starts.
        GmailMailboxFactory.AddGmailSources(services, configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailboxFactory, GmailMailboxFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailboxFactory, ImapMailboxFactory>());
        // Each imap source's settings are named options (by its section's path), validated by the Mail project's rules.
        services.AddImapSourceOptions((provider, path) =>
        {
            var app = provider.GetRequiredService<IConfiguration>();
            return ImapMailboxFactory.ImapOptionsSection(app, app.GetSection(path));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOrderReaderFactory, RulesOrderReaderFactory>());
        // The model readers are keyed services of this container (by their Reader name, AddMessageReading below), built when a source uses one.
        foreach (var model in new[] { "gemini", "openai", "hybrid" })
        {
            services.AddSingleton<IOrderReaderFactory>(sp => new ModelOrderReaderFactory(model, sp));
        }

        services.TryAddSingleton(new StoreLocation(databasePath));
        services.TryAddSingleton<LazyOrderBook>();
        services.TryAddSingleton<IOrderBook>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton(OrderStoreFactory.CreateProbe(databasePath));

        services.TryAddSingleton<ICursorStore>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton<ILeaseStore>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<LazyOrderBook>());
        services.TryAddSingleton<IOutboxFailureLog>(sp => sp.GetRequiredService<LazyOrderBook>());

        // Stops are geocoded by Geocoding:Provider (offline gazetteer by default), cached in the store.
        services.TryAddSingleton<IGeocodeCache>(sp => sp.GetRequiredService<LazyOrderBook>());
        // The readers, the geocoder, and the dashboard's reprocess pipeline over them: the same registrations serve uses.
        services.AddMessageReading(configuration, StoreConfiguration.Options(databasePath, configuration));

        // Google Sheets gets the outbox after each poll once a spreadsheet is named (docs/sheets.md).
        if (!string.IsNullOrWhiteSpace(configuration["Sheets:SpreadsheetId"]))
        {
            services.AddSheets(configuration);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SheetsOptions>, SheetsCredentialValidator>());
            services.TryAddSingleton<IGoogleAccessTokenProvider>(sp => sp.GetRequiredService<SharedGoogleCredential>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxSink, SheetsOutboxSink>());
        }

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

        // Storage:RawMessageRetention: raw bodies older than the retention are purged daily (docs/operations.md).
        services.AddSingleton<IHostedService>(sp => new RawMessageRetentionService(
            sp.GetRequiredService<LazyOrderBook>(),
            StoreConfiguration.Options(sp.GetRequiredService<StoreLocation>().DatabasePath, configuration),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RawMessageRetentionService>>()));

        services.AddOptions<HostOptions>().Configure<IOptions<ServiceOptions>>((host, service) =>
        {
            host.ServicesStartConcurrently = true;
            host.ServicesStopConcurrently = true;
            host.ShutdownTimeout = service.Value.ShutdownTimeout;
        });
        return services;
    }
}
