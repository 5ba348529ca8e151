using FleetManager.Core.Pipeline;

namespace FleetManager.Service;

/// <summary>
/// Leases within this process only: the stand-in until the store's shared <see cref="ILeaseStore"/> is
/// registered (the service warns at start). The ledger still keeps a message from being stored twice.
/// </summary>
internal sealed class ProcessLocalLeaseStore : ILeaseStore
{
    private readonly Dictionary<string, (string Holder, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(resource, out var lease) && lease.Holder != holder && lease.Until > now)
            {
                return false;
            }

            _leases[resource] = (holder, now + duration);
            return true;
        }
    }

    public void Release(string resource, string holder)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(resource, out var lease) && lease.Holder == holder)
            {
                _leases.Remove(resource);
            }
        }
    }
}
