namespace FleetManager.Core.Pipeline;

/// <summary>
/// One holder per source at a time across processes (blue-green deploys, an accidental second
/// instance): a lease row in the store that the holder renews while it works.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease on <paramref name="resource"/> for <paramref name="holder"/> until
    /// <paramref name="now"/> + <paramref name="duration"/> when it is free, expired or already held by
    /// this holder (a renewal). False when another holder's lease is still valid.
    /// </summary>
    ValueTask<bool> TryAcquireAsync(string resource, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the lease up now (only when <paramref name="holder"/> holds it).</summary>
    ValueTask ReleaseAsync(string resource, string holder, CancellationToken cancellationToken);
}
