using FleetManager.Core.Geo;
using FleetManager.Core.Http;
using FleetManager.Core.Pipeline;
using FleetManager.Geocoding.Google;
using FleetManager.Geocoding.Nominatim;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FleetManager.Geocoding;

/// <summary>Registration of the stop geocoder chosen by <c>Geocoding:Provider</c>.</summary>
public static class GeocodingServiceCollectionExtensions
{
    /// <summary>The service key of Nominatim's request limiter (one per process).</summary>
    internal const string NominatimLimiterKey = "nominatim";

    /// <summary>
    /// Registers <see cref="IGeocoder"/>: the offline gazetteer (default), or Google / Nominatim behind a
    /// <see cref="CachingGeocoder"/> with the gazetteer as fallback. Options are validated at start. An
    /// <see cref="IGeocodeCache"/> registered before this call (the store's) is used; otherwise answers are
    /// cached in memory for the process.
    /// </summary>
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GeocodingOptions.SectionName);
        services.AddOptions<GeocodingOptions>().Bind(section).ValidateOnStart();
        var provider = section.Get<GeocodingOptions>()?.Provider ?? GeocodingProvider.Offline;
        services.TryAddSingleton(TimeProvider.System);
        switch (provider)
        {
            case GeocodingProvider.Google:
                AddGoogle(services, configuration);
                break;
            case GeocodingProvider.Nominatim:
                AddNominatim(services, configuration);
                break;
            default:
                services.TryAddSingleton<IGeocoder>(OfflineGazetteer.Shared);
                return services;
        }

        services.TryAddSingleton<IGeocodeCache, InMemoryGeocodeCache>();
        services.TryAddSingleton<IGeocoder>(sp => new CachingGeocoder(
            sp.GetRequiredService<IGeocodingProvider>(),
            sp.GetRequiredService<IGeocodeCache>(),
            OfflineGazetteer.Shared,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CachingGeocoder>>()));
        return services;
    }

    private static void AddGoogle(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleGeocodingOptions>()
            .Bind(configuration.GetSection(GoogleGeocodingOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "Geocoding:Provider is google but Geocoding:Google:ApiKey (GOOGLE_MAPS_API_KEY) is empty.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleGeocodingOptions>, GoogleGeocodingOptionsValidator>());
        var client = services.AddHttpClient<GoogleGeocoder>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<GoogleGeocodingOptions>>().Value.BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        Pooled(client);
        client.AddResilienceHandler("google-geocoding", static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<GoogleGeocodingOptions>>().Value;
            AddRetryAndTimeout(builder, options.MaxRetryAttempts, options.RetryBaseDelay, options.AttemptTimeout);
        });
        services.TryAddSingleton<IGeocodingProvider>(sp => sp.GetRequiredService<GoogleGeocoder>());
    }

    private static void AddNominatim(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NominatimOptions>().Bind(configuration.GetSection(NominatimOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NominatimOptions>, NominatimOptionsValidator>());
        // One limiter for the whole process: the usage policy counts the application, not a client or a thread.
        services.TryAddKeyedSingleton(NominatimLimiterKey, (sp, _) => new RequestSpacingRateLimiter(
            sp.GetRequiredService<IOptions<NominatimOptions>>().Value.MinInterval,
            sp.GetRequiredService<TimeProvider>()));
        var client = services.AddHttpClient<NominatimGeocoder>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<NominatimOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        });
        Pooled(client);
        client.AddResilienceHandler("nominatim", static (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<NominatimOptions>>().Value;
            AddRetryAndTimeout(builder, options.MaxRetryAttempts, options.RetryBaseDelay, options.AttemptTimeout);
        });

        // Inside the resilience handler: every attempt, retries included, waits for its slot.
        client.AddHttpMessageHandler(sp => new RateLimitingHandler(
            sp.GetRequiredKeyedService<RequestSpacingRateLimiter>(NominatimLimiterKey), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IGeocodingProvider>(sp => sp.GetRequiredService<NominatimGeocoder>());
    }

    /// <summary>The geocoder is a singleton holding its client: connections are recycled by the pool, not the factory.</summary>
    private static void Pooled(IHttpClientBuilder client) =>
        client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    /// <summary>Lookups are reads: any transient failure (5xx, 408, 429, network, timeout) is retried, honouring Retry-After.</summary>
    private static void AddRetryAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> builder, int maxRetryAttempts, TimeSpan delay, TimeSpan attemptTimeout)
    {
        if (maxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                Delay = delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        builder.AddTimeout(attemptTimeout);
    }
}
