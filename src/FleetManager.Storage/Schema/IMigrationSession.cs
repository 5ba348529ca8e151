namespace FleetManager.Storage.Schema;

/// <summary>
/// One back-end's side of a migration: a transaction that holds the store against other openers (SQLite:
/// an immediate transaction; PostgreSQL: an advisory lock) and the few statements whose text differs.
/// <see cref="SchemaMigrator"/> decides what runs.
/// </summary>
internal interface IMigrationSession : IDisposable
{
    /// <summary>The schema version recorded (0: an empty store).</summary>
    /// <exception cref="OrderBookUnavailableException">The store holds another program's tables, or an empty version table.</exception>
    int ReadVersion();

    /// <summary><c>schema_version.compatible_from</c>; null when the column does not exist (no promise made).</summary>
    int? ReadCompatibleFrom();

    /// <summary>A command inside the session's transaction, for the steps' SQL.</summary>
    System.Data.Common.DbCommand Command { get; }

    /// <summary>The store's words for a step it refused (bad SQL, a constraint); null for any other failure, which propagates as it is.</summary>
    string? DescribeRefusal(Exception exception);

    /// <summary>Records <paramref name="version"/> in <c>schema_version</c>.</summary>
    void RecordVersion(int version);

    /// <summary>Commits everything the session did.</summary>
    void Commit();
}
