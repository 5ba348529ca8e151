using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard;

/// <summary>
/// The order book and its corrections as the dashboard uses them: opened on first use (so <c>run</c> starts
/// even while the database is briefly unreachable), one caller at a time (neither store is thread-safe).
/// </summary>
/// <remarks>
/// The gate is a <see cref="SemaphoreSlim"/>, not a lock: <see cref="UseAsync{T}"/> awaits the store's asynchronous
/// ports while holding it, and a request waiting for it holds no thread.
/// </remarks>
public sealed class DashboardStore : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DashboardStoreLocation _location;
    private IOrderStore? _store;

    public DashboardStore(DashboardStoreLocation location) => _location = location;

    /// <summary>Runs <paramref name="action"/> with the open stores, under the gate, for the store's asynchronous ports.</summary>
    public async ValueTask<T> UseAsync<T>(Func<IOrderStore, IOrderCorrections, CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var store = Open();
            return await action(store, store.Corrections, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _store?.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    // Opening migrates the book (the corrections tables come with it) and the corrections share its connection.
    private IOrderStore Open() => _store ??= OrderStoreFactory.Open(_location.Options);
}
