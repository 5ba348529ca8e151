using FleetManager.Hosting;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Commands;

/// <summary>
/// The <c>Storage</c> settings for the verbs: <see cref="OrderStoreOptions"/> bound from configuration,
/// with the connection string that <c>--db</c> resolved to.
/// </summary>
internal static class StoreConfiguration
{
    /// <summary><c>Storage:ConnectionString</c> when set, else the SQLite file in <c>DATA_DIR</c> or the working directory.</summary>
    public static string DefaultConnectionString()
    {
        var configured = AppConfiguration.Build()[OrderStoreOptions.SectionName + ":" + nameof(OrderStoreOptions.ConnectionString)];
        return string.IsNullOrWhiteSpace(configured) ? CommonOptions.DefaultDatabasePath() : configured.Trim();
    }

    /// <summary>The configured options (outbox sinks, migrations at open) for <paramref name="connectionString"/>.</summary>
    public static OrderStoreOptions Options(string connectionString)
    {
        var options = new OrderStoreOptions();
        AppConfiguration.Build().GetSection(OrderStoreOptions.SectionName).Bind(options);
        options.ConnectionString = connectionString;
        return options;
    }

    /// <summary>
    /// Opens a store that must already exist (reading verbs never create an empty SQLite file by mistake).
    /// </summary>
    public static IOrderStore OpenExisting(string connectionString)
    {
        if (OrderStoreFactory.KindOf(connectionString) == OrderStoreKind.Sqlite)
        {
            var path = OrderStoreFactory.SqlitePath(connectionString);
            if (!File.Exists(path))
            {
                throw new OrderBookUnavailableException(path, "it does not exist; run 'fleetmanager import PATH' first or give --db FILE");
            }
        }

        return OrderStoreFactory.Open(Options(connectionString));
    }
}
