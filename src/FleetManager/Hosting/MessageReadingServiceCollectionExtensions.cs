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
/// What reads a message in a long-lived host (<c>run</c> through <c>AddFleetManagerService</c>, and <c>serve</c>):
/// every reader as a keyed service, the geocoder of <c>Geocoding:Provider</c> with the order book's cache, and the
/// dashboard's <see cref="IMessageReadingPipeline"/> over them. All of it is built on first use: a host whose
/// dashboard never reprocesses a message builds no reader and opens no store for it.
/// </summary>
internal static class MessageReadingServiceCollectionExtensions
{
    /// <param name="services">The host's services; an <see cref="IGeocodeCache"/> registered before (the service's order book) is kept.</param>
    /// <param name="configuration">The host's one configuration.</param>
    /// <param name="store">The order book whose geocode cache is used when no cache was registered before.</param>
    public static IServiceCollection AddMessageReading(this IServiceCollection services, IConfiguration configuration, OrderStoreOptions store)
    {
        services.AddModelReaders(configuration);
        services.TryAddSingleton<IGeocodeCache>(_ => new OrderBookGeocodeCache(store));
        services.AddGeocoding(configuration);
        services.TryAddSingleton<IMessageReadingPipeline>(provider => new DashboardReadingPipeline(provider, configuration));
        return services;
    }
}
