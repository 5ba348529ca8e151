using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard;

/// <summary>
/// The order book and its corrections as the dashboard uses them: opened on first use (so <c>run</c> starts
/// even while the database is briefly unreachable), one caller at a time (neither store is thread-safe).
/// </summary>
public sealed class DashboardStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly DashboardStoreLocation _location;
    private IOrderStore? _store;

    public DashboardStore(DashboardStoreLocation location) => _location = location;

    /// <summary>Runs <paramref name="action"/> with the open stores, under the lock.</summary>
    public T Use<T>(Func<IOrderStore, IOrderCorrections, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            // Opening migrates the book (the corrections tables come with it) and the corrections share its connection.
            _store ??= OrderStoreFactory.Open(_location.Options);
            return action(_store, _store.Corrections);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _store?.Dispose();
        }
    }
}
