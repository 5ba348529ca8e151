namespace FleetManager.Storage;

/// <summary>Checks that the store can be reached and carries the schema this code writes (readiness, <c>doctor</c>).</summary>
public interface IStoreProbe
{
    /// <summary>A short description of the store for people (a file path, a host and database; never a password).</summary>
    string Describe { get; }

    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken);
}
