using System.CommandLine;
using FleetManager.Storage;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager db migrate</c>: brings the order book's schema to this program's version.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "Look after the order book's database.")
    {
        CreateMigrate(),
    };

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
