namespace FleetManager.Storage.Corrections;

/// <summary>Opens the <see cref="IOrderCorrections"/> of the order book one connection string names (as <see cref="OrderStoreFactory"/> does).</summary>
public static class OrderCorrectionsFactory
{
    /// <summary>Opens them; the order book must have been opened (and so migrated) by this release first.</summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="OrderStoreFactory.Open"/>.</exception>
    public static IOrderCorrections Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return OrderStoreFactory.KindOf(connectionString) == OrderStoreKind.PostgreSql
            ? PostgresCorrections.Open(connectionString.Trim())
            : SqliteCorrections.Open(OrderStoreFactory.SqlitePath(connectionString));
    }
}
