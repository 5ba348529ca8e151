using System.CommandLine;
using System.Globalization;
using FleetManager.Core.Errors;
using FleetManager.Storage;
using FleetManager.Storage.Retention;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager db migrate</c>: brings the order book's schema to this program's version;
/// <c>fleetmanager db purge</c>: applies <c>Storage:RawMessageRetention</c> now.
/// </summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "Look after the order book's database.")
    {
        CreateMigrate(),
        CreatePurge(),
    };

    private static Command CreatePurge()
    {
        var db = CommonOptions.Database();
        var command = new Command(
            "purge",
            "Delete the raw messages older than Storage:RawMessageRetention (ledger rows and orders are kept).")
        {
            db,
        };
        command.SetAction(parse =>
        {
            var options = StoreConfiguration.Options(parse.GetValue(db)!);
            if (options.RawMessageRetention is null)
            {
                Console.Error.WriteLine("error: Storage:RawMessageRetention is not set, so nothing is old enough to purge (set it, e.g. FLEETMANAGER__STORAGE__RAWMESSAGERETENTION=90 for 90 days)");
                return ExitCodes.Configuration;
            }

            DateTimeOffset cutoff;
            try
            {
                cutoff = RawMessageRetention.Cutoff(options.RawMessageRetention, TimeProvider.System.GetUtcNow())!.Value;
            }
            catch (ConfigurationException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message} {ex.Fix}");
                return ExitCodes.Configuration;
            }

            using var store = StoreConfiguration.OpenExisting(parse.GetValue(db)!);
            var purged = store.PurgeRawMessages(cutoff);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Location}: purged {purged} raw messages processed before {cutoff:yyyy-MM-dd HH:mm} UTC; ledger rows and orders kept"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMigrate()
    {
        var db = CommonOptions.Database();
        var command = new Command(
            "migrate",
            "Apply the pending schema steps (creating the tables in a new database) and print the version before and after.")
        {
            db,
        };
        command.SetAction(parse =>
        {
            var options = StoreConfiguration.Options(parse.GetValue(db)!);
            options.ApplyMigrations = true;
            using var store = OrderStoreFactory.Open(options);
            Console.WriteLine(store.SchemaVersionAtOpen == store.SchemaVersion
                ? $"{store.Location}: schema version {store.SchemaVersion}, already up to date"
                : $"{store.Location}: schema version {store.SchemaVersionAtOpen} -> {store.SchemaVersion}");
            return ExitCodes.Success;
        });
        return command;
    }
}
