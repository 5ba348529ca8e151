namespace FleetManager.Storage;

/// <summary>The back-end that holds the order book.</summary>
public enum OrderStoreKind
{
    /// <summary>One SQLite file (the default, nothing to run).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by several processes or instances.</summary>
    PostgreSql,
}
