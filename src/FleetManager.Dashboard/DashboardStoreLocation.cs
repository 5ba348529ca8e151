using FleetManager.Storage;

namespace FleetManager.Dashboard;

/// <summary>Which order book the dashboard opens (the same options the CLI's verbs open it with).</summary>
public sealed record DashboardStoreLocation(OrderStoreOptions Options);
