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
    private IOrderCorrections? _corrections;

    public DashboardStore(DashboardStoreLocation location) => _location = location;

    /// <summary>Runs <paramref name="action"/> with the open stores, under the lock.</summary>
    public T Use<T>(Func<IOrderStore, IOrderCorrections, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            if (_store is null || _corrections is null)
            {
                // Opening migrates (to version 4, which adds the corrections tables) before the corrections are opened.
                _store ??= OrderStoreFactory.Open(_location.Options);
                _corrections = OrderCorrectionsFactory.Open(_location.Options.ConnectionString!);
            }

            return action(_store, _corrections);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _corrections?.Dispose();
            _store?.Dispose();
        }
    }
}
