using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Geocoding;
using FleetManager.Hosting;
using FleetManager.Llm;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The message processor for the chosen reader, with the services behind it (typed HttpClients,
/// rate limiters, and the verb's mailbox when it asks for one) in one host of <see cref="VerbHostBuilder"/>,
/// kept alive until disposed. The readers and the geocoder are registered as in every other host
/// (<see cref="MessageReadingServiceCollectionExtensions.AddMessageReading(IServiceCollection, IConfiguration, bool)"/>)
/// and the processor is that registration's <see cref="LazyMessageReadingPipeline"/>. The settings are checked at once,
/// so a missing key is one clear error before any message is read.
/// </summary>
internal sealed class ReaderPipeline : IDisposable
{
    private readonly IHost? _host;

    private ReaderPipeline(IHost? host, MessageProcessor processor, int maxInFlight, EmailParserOptions limits)
    {
        _host = host;
        Processor = processor;
        MaxInFlight = maxInFlight;
        Limits = limits;
    }

    public MessageProcessor Processor { get; }

    /// <summary>The host's services (the mailbox <c>addMailbox</c> registered); none for the offline default, which needs no container.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The offline pipeline has no services; pass addMailbox to get a host.");

    /// <summary>The parser's limits from the <c>Limits</c> section; the mail source uses its <c>MaxMessageBytes</c> too.</summary>
    public EmailParserOptions Limits { get; }

    /// <summary>Messages in flight during an import: bounded for a model reader, so its rate limit is not spent on waiting messages.</summary>
    public int MaxInFlight { get; }

    /// <summary>
    /// The pipeline for <paramref name="reader"/>, geocoding (when <paramref name="geocode"/>) with the provider
    /// <c>Geocoding:Provider</c> names: the offline gazetteer by default, else Google or Nominatim with
    /// answers kept in <paramref name="geocodeCache"/> (the order book's, so no address is looked up twice).
    /// </summary>
    /// <param name="log">Where the services' warnings go (a verb's error writer), in the console's format.</param>
    /// <param name="addMailbox">Registers the verb's mailbox (its adapter's <c>AddX</c>) in the same host, validated with the rest.</param>
    /// <exception cref="OptionsValidationException">The chosen reader, geocoder or mailbox is not configured (a missing key), or a limit is invalid.</exception>
    public static ReaderPipeline Create(
        string reader, bool geocode, IConfiguration configuration, TextWriter log, IGeocodeCache? geocodeCache = null, Action<IServiceCollection, IConfiguration>? addMailbox = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = ConfiguredMailLimits.Read(configuration);
        var onlineGeocoder = geocode && GeocoderIsOnline(configuration);
        if (reader == "rules" && !onlineGeocoder && addMailbox is null)
        {
            // The offline default: no services, nothing to start.
            return new ReaderPipeline(null, PipelineFactory.CreateProcessor(geocode, ConfiguredSecrets.Redactor(configuration).Redact, limits), ImportRunner.DefaultMaxInFlight, limits);
        }

        LogLevelSetting.Validate(configuration);
        var config = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reader:Kind"] = reader })
            .Build();
        var builder = VerbHostBuilder.Create(config);
        builder.Logging.ClearProviders();
        // The verb's own kind of line ("warning: …"), on its error writer.
        builder.Logging.Services.AddSingleton<ILoggerProvider>(new TextWriterLoggerProvider(new VerbLineFormatter(), log));
        builder.Logging
            .SetMinimumLevel(LogLevel.Warning)
            // Logging:LogLevel (LOG_LEVEL) may lower it, e.g. for FleetManager.Llm.ModelRequests; the HTTP
            // client's request lines stay at Warning whatever it says: a URL may carry an API key.
            .AddConfiguration(config.GetSection("Logging"))
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
            // The model clients say each retry in their own line (ModelRequestLog.Retrying), and what fails for good ends
            // the verb with its own error line and fix (exit 7): Polly's log of both would only repeat them.
            .AddFilter("Polly", LogLevel.None);
        var services = builder.Services;
        if (onlineGeocoder && geocodeCache is not null)
        {
            services.AddSingleton(geocodeCache);
        }
        else if (geocode && !onlineGeocoder)
        {
            // The offline gazetteer, as without a host: registering the geocoding services for it would check (and
            // could refuse) web geocoder settings this verb never uses.
            services.AddSingleton<IGeocoder>(OfflineGazetteer.Shared);
        }

        // The same registrations as run's and serve's: the keyed readers, the geocoder of Geocoding:Provider (only
        // when this verb geocodes with a web service) and the reading pipeline over them.
        services.AddMessageReading(config, geocode: onlineGeocoder);
        addMailbox?.Invoke(services, config);
        var host = builder.Build();
        try
        {
            var provider = host.Services;
            var reading = provider.GetRequiredService<LazyMessageReadingPipeline>();

            // Every failure once, before any message is read or a store opened: the reader's settings, then the
            // geocoder's and the mailbox's (ValidateOnStart).
            var failures = reading.Failures().Concat(ValidatedServices.Failures(provider)).Distinct().ToList();
            if (failures.Count > 0)
            {
                throw new OptionsValidationException(ReaderOptions.Section, typeof(ReaderOptions), failures);
            }

            var processor = reading.Processor;
            var model = provider.ChosenModelOptions();
            var maxInFlight = model?.MaxConcurrentMessages ?? (onlineGeocoder ? 4 : ImportRunner.DefaultMaxInFlight);
            return new ReaderPipeline(host, processor, maxInFlight, limits);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>True when <c>Geocoding:Provider</c> names a web service (google, nominatim).</summary>
    private static bool GeocoderIsOnline(IConfiguration configuration) =>
        configuration["Geocoding:Provider"]?.Trim() is { Length: > 0 } name && !name.Equals(nameof(GeocodingProvider.Offline), StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _host?.Dispose();
}
