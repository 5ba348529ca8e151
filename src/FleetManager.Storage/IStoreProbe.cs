namespace FleetManager.Storage;

/// <summary>Checks that the store can be reached and carries the schema this code writes (readiness, <c>doctor</c>).</summary>
public interface IStoreProbe
{
    /// <summary>A short description of the store for people (a file path, a host and database; never a password).</summary>
    string Describe { get; }

    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When each source's cursor was last saved (the end of its last successful poll), read on a fresh read-only
    /// connection; empty when the store has none yet. Throws the store's exception when it cannot be read.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastPollTimesAsync(CancellationToken cancellationToken);
}
