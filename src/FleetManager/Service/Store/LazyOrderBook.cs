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

    public string? GetCursor(string source) => Book.GetCursor(source);

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt) => Book.SaveCursor(source, cursor, savedAt);

    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now) => Book.TryAcquire(resource, holder, duration, now);

    public void Release(string resource, string holder) => Book.Release(resource, holder);

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max) => Book.Pending(sink, max);

    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt) => Book.MarkDelivered(sink, ids, deliveredAt);

    public long Depth(string sink) => Book.Depth(sink);

    public void RecordFailedPush(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt) => Book.RecordFailedPush(sink, ids, error, attemptedAt);

    public bool TryGet(string provider, string query, out GeoPoint? point) => Book.TryGet(provider, query, out point);

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at) => Book.Put(provider, query, point, at);

    public long PurgeRawMessages(DateTimeOffset processedBefore) => Book.PurgeRawMessages(processedBefore);

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
