using FleetManager.Storage;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// The <c>Storage</c> settings for the verbs and the service: <see cref="OrderStoreOptions"/> bound from
/// configuration, with the connection string that <c>--db</c> resolved to. In Hosting because both the
/// verbs (<c>Commands/</c>) and the service (<c>Service/</c>) open the store with it, and neither depends on the other.
/// </summary>
internal static class StoreConfiguration
{
    /// <summary><c>$DATA_DIR/fleetmanager.db</c> (the original tool's variable), else <c>./fleetmanager.db</c>.</summary>
    public static string DefaultDatabasePath()
    {
        var dataDir = Environment.GetEnvironmentVariable("DATA_DIR");
        return string.IsNullOrWhiteSpace(dataDir) ? "fleetmanager.db" : Path.Combine(dataDir, "fleetmanager.db");
    }

    /// <summary>The --db default follows DataDir from any configuration source, not only the DATA_DIR variable.</summary>
    public static string ResolveDatabase(string dbPath, IConfiguration configuration) =>
        dbPath == DefaultDatabasePath() && configuration["DataDir"] is { Length: > 0 } dataDir
            ? Path.Combine(dataDir, "fleetmanager.db")
            : dbPath;

    /// <summary><c>Storage:ConnectionString</c> when set, else the SQLite file in <c>DATA_DIR</c> or the working directory.</summary>
    public static string DefaultConnectionString()
    {
        var configured = AppConfiguration.Build()[OrderStoreOptions.SectionName + ":" + nameof(OrderStoreOptions.ConnectionString)];
        return string.IsNullOrWhiteSpace(configured) ? DefaultDatabasePath() : configured.Trim();
    }

    /// <summary>
    /// The configured options (outbox sinks, migrations at open) for <paramref name="connectionString"/>. A
    /// named spreadsheet (<c>Sheets:SpreadsheetId</c>, the original's GOOGLE_SHEETS_SPREADSHEET_ID) turns on the
    /// <c>sheets</c> outbox by itself: setting the spreadsheet is all a user should need for rows to reach it.
    /// </summary>
    public static OrderStoreOptions Options(string connectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new OrderStoreOptions();
        configuration.GetSection(OrderStoreOptions.SectionName).Bind(options);
        options.ConnectionString = connectionString;
        if (!string.IsNullOrWhiteSpace(configuration["Sheets:SpreadsheetId"]) && !options.OutboxSinks.Contains(SheetsSink))
        {
            options.OutboxSinks.Add(SheetsSink);
        }

        return options;
    }

    /// <summary>The outbox key of the Google Sheets sink (SheetsOutboxPusher.SinkName).</summary>
    private const string SheetsSink = FleetManager.Google.Sheets.SheetsOutboxPusher.SinkName;

    /// <summary>
    /// Opens a store that must already exist (reading verbs never create an empty SQLite file by mistake), with
    /// the <c>Storage</c> settings of <paramref name="configuration"/> (the verb's).
    /// </summary>
    public static IOrderStore OpenExisting(string connectionString, IConfiguration configuration) => OpenExisting(connectionString, configuration, forReading: false);

    /// <summary>
    /// Opens a store that must already exist for a verb that only reads it: a SQLite file is opened
    /// read-only, so a book on a read-only file, folder or mount can be listed and exported.
    /// </summary>
    public static IOrderStore OpenExistingForReading(string connectionString, IConfiguration configuration) => OpenExisting(connectionString, configuration, forReading: true);

    private static IOrderStore OpenExisting(string connectionString, IConfiguration configuration, bool forReading)
    {
        if (OrderStoreFactory.KindOf(connectionString) == OrderStoreKind.Sqlite)
        {
            var path = OrderStoreFactory.SqlitePath(connectionString);
            if (Directory.Exists(path))
            {
                throw new OrderBookUnavailableException(path, "it is a directory, not a file", "Give the order book's file, for example --db " + Path.Combine(path, "fleetmanager.db") + ".");
            }

            if (!File.Exists(path))
            {
                throw new OrderBookUnavailableException(path, "it does not exist", "Run 'fleetmanager import PATH' first to create it, or give --db FILE naming an existing order book.");
            }
        }

        var options = Options(connectionString, configuration);
        return forReading ? OrderStoreFactory.OpenForReading(options) : OrderStoreFactory.Open(options);
    }
}
