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
    /// <summary>The order book's file name in <c>DataDir</c> or the working directory.</summary>
    public const string DefaultFileName = "fleetmanager.db";

    /// <summary>
    /// The order book when <c>--db</c> is not given, from <paramref name="configuration"/> (the verb's, read when it runs,
    /// not when its command line is parsed): <c>Storage:ConnectionString</c> when set, else <c>fleetmanager.db</c> in
    /// <c>DataDir</c> (<c>DATA_DIR</c>, the original tool's variable, or <c>FLEETMANAGER__DATADIR</c>), else in the
    /// working directory. Every verb and the service resolve it so, so they open the same book.
    /// </summary>
    public static string DefaultConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[OrderStoreOptions.SectionName + ":" + nameof(OrderStoreOptions.ConnectionString)] is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        return configuration["DataDir"] is { Length: > 0 } dataDir ? Path.Combine(dataDir, DefaultFileName) : DefaultFileName;
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
                throw new OrderBookUnavailableException(path, "it does not exist", "Create it with 'fleetmanager import PATH' (or an empty one with 'fleetmanager db migrate'), or give --db FILE naming an existing order book.");
            }
        }

        var options = Options(connectionString, configuration);
        return forReading ? OrderStoreFactory.OpenForReading(options) : OrderStoreFactory.Open(options);
    }
}
