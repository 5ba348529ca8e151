using FleetManager.Core.Pipeline;
using FleetManager.Dashboard.Hosting;
using FleetManager.Geocoding;
using FleetManager.Llm;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetManager.Hosting;

/// <summary>
/// What reads a message, in every host that reads one: <c>run</c> (through <c>AddFleetManagerService</c>), <c>serve</c>,
/// and the reader verbs' hosts (<see cref="ReaderPipeline"/>: <c>import</c>, <c>extract</c>, <c>eval</c>,
/// <c>reprocess</c>): every reader as a keyed service, the geocoder of <c>Geocoding:Provider</c> with the order book's
/// cache, and the <see cref="IMessageReadingPipeline"/> over them. All of it is built on first use: a host whose
/// dashboard never reprocesses a message builds no reader and opens no store for it.
/// </summary>
internal static class MessageReadingServiceCollectionExtensions
{
    /// <param name="services">The host's services; an <see cref="IGeocodeCache"/> registered before (the service's order book) is kept.</param>
    /// <param name="configuration">The host's one configuration.</param>
    /// <param name="store">The order book whose geocode cache is used when no cache was registered before.</param>
    public static IServiceCollection AddMessageReading(this IServiceCollection services, IConfiguration configuration, OrderStoreOptions store)
    {
        services.TryAddSingleton<IGeocodeCache>(_ => new OrderBookGeocodeCache(store));
        return services.AddMessageReading(configuration, geocode: true);
    }

    /// <summary>
    /// The same without naming a store: a verb registers its own geocode cache first (else answers are kept in memory).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's one configuration.</param>
    /// <param name="geocode">
    /// Register the geocoder of <c>Geocoding:Provider</c>; false registers none and checks none of its settings (the
    /// pipeline then uses an <see cref="IGeocoder"/> the caller registered, or leaves the coordinates null).
    /// </param>
    public static IServiceCollection AddMessageReading(this IServiceCollection services, IConfiguration configuration, bool geocode)
    {
        services.AddModelReaders(configuration);
        if (geocode)
        {
            services.AddGeocoding(configuration);
        }

        services.TryAddSingleton(provider => new LazyMessageReadingPipeline(provider, configuration));
        services.TryAddSingleton<IMessageReadingPipeline>(provider => provider.GetRequiredService<LazyMessageReadingPipeline>());
        return services;
    }
}
