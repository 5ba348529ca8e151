using FleetManager.Hosting;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage;
using FleetManager.Storage.Retention;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Store;

/// <summary>
/// The service's order book, opened (and migrated) on first use rather than at start: a service whose
/// store is not reachable yet still starts, reports "not ready" with the reason, and opens the store
/// on a later poll once it is there. The store itself is every port (and safe across threads), so
/// this only defers the open: cursors survive restarts, leases are shared by every process on the same
/// store, sinks read what the commits wrote, and no address is looked up twice.
/// </summary>
internal sealed class LazyOrderBook(StoreLocation location, IConfiguration configuration) : IOrderBook, ICursorStore, ILeaseStore, IOutbox, IOutboxFailureLog, IGeocodeCache, IRawMessagePurger, IDisposable
{
    private readonly Lock _gate = new();
    private IOrderStore? _book;

    public ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken) => Book.ContainsAsync(ledgerKey, cancellationToken);

    public ValueTask<bool> IsQuarantinedAsync(string ledgerKey, CancellationToken cancellationToken) => Book.IsQuarantinedAsync(ledgerKey, cancellationToken);

    public ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        Book.CommitAsync(message, processedAt, cancellationToken);

    public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        Book.CommitBatchAsync(messages, processedAt, cancellationToken);

    public ValueTask<int> CatchUpOrderListAsync(IProgress<int>? progress, CancellationToken cancellationToken) =>
        Book.CatchUpOrderListAsync(progress, cancellationToken);

    public ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken) => Book.GetCursorAsync(source, cancellationToken);

    public ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken) =>
        Book.SaveCursorAsync(source, cursor, savedAt, cancellationToken);

    public ValueTask<bool> TryAcquireAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        Book.TryAcquireAsync(resource, holder, duration, now, cancellationToken);

    public ValueTask ReleaseAsync(string resource, string holder, CancellationToken cancellationToken) => Book.ReleaseAsync(resource, holder, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEntry>> PendingAsync(string sink, int max, CancellationToken cancellationToken) => Book.PendingAsync(sink, max, cancellationToken);

    public ValueTask MarkDeliveredAsync(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        Book.MarkDeliveredAsync(sink, ids, deliveredAt, cancellationToken);

    public ValueTask<long> DepthAsync(string sink, CancellationToken cancellationToken) => Book.DepthAsync(sink, cancellationToken);

    public ValueTask RecordFailedPushAsync(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt, CancellationToken cancellationToken) =>
        Book.RecordFailedPushAsync(sink, ids, error, attemptedAt, cancellationToken);

    public ValueTask<GeocodeCacheHit?> GetAsync(string provider, string query, CancellationToken cancellationToken) => Book.GetAsync(provider, query, cancellationToken);

    public ValueTask PutAsync(string provider, string query, GeoPoint? point, DateTimeOffset at, CancellationToken cancellationToken) =>
        Book.PutAsync(provider, query, point, at, cancellationToken);

    public ValueTask<long> PurgeRawMessagesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken) =>
        Book.PurgeRawMessagesAsync(processedBefore, cancellationToken);

    /// <exception cref="OrderBookUnavailableException">The store cannot be opened (yet).</exception>
    private IOrderStore Book
    {
        get
        {
            lock (_gate)
            {
                if (_book is null)
                {
                    var options = StoreConfiguration.Options(location.DatabasePath, configuration);

                    // The service writes: a damaged file is refused at its first open (quick check), not written into.
                    options.VerifyIntegrity = true;
                    _book = OrderStoreFactory.Open(options);
                }

                return _book;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _book?.Dispose();
            _book = null;
        }
    }
}
