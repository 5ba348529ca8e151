namespace FleetManager.Service.Store;

/// <summary>Where the SQLite order book lives (<c>--db</c>, else <c>$DATA_DIR/fleetmanager.db</c>, else <c>./fleetmanager.db</c>).</summary>
internal sealed record StoreLocation(string DatabasePath);
