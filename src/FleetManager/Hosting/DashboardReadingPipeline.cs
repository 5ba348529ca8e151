using FleetManager.Core.Pipeline;
using FleetManager.Dashboard.Hosting;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// The reading pipeline behind the dashboard's "reprocess" and "reclassify", under <c>serve</c> and <c>run</c>: the
/// reader of <c>Reader:Kind</c> (rules by default) and the configured geocoder, with the order book's geocode cache,
/// built on first use, as <c>fleetmanager reprocess</c> builds it.
/// </summary>
internal sealed class DashboardReadingPipeline(IConfiguration configuration, OrderStoreOptions store) : IMessageReadingPipeline, IDisposable
{
    private readonly Lock _gate = new();
    private ReaderPipeline? _pipeline;
    private IOrderStore? _cacheBook;

    public string ReaderName { get; } = configuration["Reader:Kind"]?.Trim() is { Length: > 0 } kind ? kind.ToLowerInvariant() : "rules";

    public MessageProcessor Processor
    {
        get
        {
            lock (_gate)
            {
                // The geocode cache is a store instance of its own, opened on the first lookup (as reprocess does).
                _pipeline ??= ReaderPipeline.Create(ReaderName, geocode: true, configuration, new DeferredGeocodeCache(() => _cacheBook = OrderStoreFactory.Open(store)));
                return _pipeline.Processor;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pipeline?.Dispose();
            _cacheBook?.Dispose();
        }
    }
}
