using FleetManager.Hosting;
using System.CommandLine;
using System.Globalization;
using FleetManager.Core.Errors;
using FleetManager.Storage;
using FleetManager.Storage.Backup;
using FleetManager.Storage.Retention;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager db migrate|backup|restore|purge</c>: looks after the order book's database
/// (<c>purge</c> applies <c>Storage:RawMessageRetention</c> now).
/// </summary>
internal static class DbCommand
{
    public static Command Create(Func<VerbEnvironment> environment) => new("db", "Look after the order book's database.")
    {
        CreateMigrate(environment),
        CreateBackup(environment),
        CreateRestore(environment),
        CreatePurge(environment),
    };

    private static Command CreatePurge(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var command = new Command(
            "purge",
            "Delete the raw messages older than Storage:RawMessageRetention (ledger rows and orders are kept).")
        {
            db,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var env = environment();
            return PurgeAsync(env, parse.GetDatabase(db, env), cancellationToken);
        });
        return command;
    }

    /// <summary><c>db purge</c>: the raw messages older than <c>Storage:RawMessageRetention</c> of <paramref name="environment"/>'s settings deleted.</summary>
    internal static async Task<int> PurgeAsync(VerbEnvironment environment, string dbPath, CancellationToken cancellationToken)
    {
        var options = StoreConfiguration.Options(dbPath, environment.Configuration);
        if (options.RawMessageRetention is null)
        {
            environment.Error.WriteLine("error: Storage:RawMessageRetention is not set, so nothing is old enough to purge (set it, e.g. FLEETMANAGER__STORAGE__RAWMESSAGERETENTION=90 for 90 days)");
            return ExitCodes.Configuration;
        }

        DateTimeOffset cutoff;
        try
        {
            cutoff = RawMessageRetention.Cutoff(options.RawMessageRetention, TimeProvider.System.GetUtcNow())!.Value;
        }
        catch (ConfigurationException ex)
        {
            environment.Error.WriteLine($"error: {ex.Message} {ex.Fix}");
            return ExitCodes.Configuration;
        }

        using var store = StoreConfiguration.OpenExisting(dbPath, environment.Configuration);
        var purged = await store.PurgeRawMessagesAsync(cutoff, cancellationToken).ConfigureAwait(false);
        environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store.Location}: purged {purged} raw messages processed before {cutoff:yyyy-MM-dd HH:mm} UTC; ledger rows and orders kept"));
        return ExitCodes.Success;
    }

    private static Command CreateMigrate(Func<VerbEnvironment> environment)
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
            var env = environment();
            return Migrate(env, parse.GetDatabase(db, env));
        });
        return command;
    }

    /// <summary><c>db migrate</c>: the book opened with its pending schema steps applied; the versions on <paramref name="environment"/>'s output.</summary>
    internal static int Migrate(VerbEnvironment environment, string dbPath)
    {
        var options = StoreConfiguration.Options(dbPath, environment.Configuration);
        options.ApplyMigrations = true;
        using var store = OrderStoreFactory.Open(options);
        environment.Out.WriteLine(store.SchemaVersionAtOpen == store.SchemaVersion
            ? $"{store.Location}: schema version {store.SchemaVersion}, already up to date"
            : $"{store.Location}: schema version {store.SchemaVersionAtOpen} -> {store.SchemaVersion}");
        if (store.SearchIndexWarning is { } warning)
        {
            environment.Error.WriteLine("warning: " + warning);
        }

        return ExitCodes.Success;
    }

    private static Command CreateBackup(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var to = new Option<string>("--to") { Description = "The backup folder (created when missing).", Required = true };
        var keep = new Option<int?>("--keep") { Description = "Keep only the newest N backups in the folder (N ≥ 1)." };
        var command = new Command(
            "backup",
            "Copy the order book while the service keeps running (SQLite online backup; PostgreSQL via pg_dump) to DIR/fleetmanager-TIME.db|.dump.")
        {
            db,
            to,
            keep,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(keep) is < 1)
            {
                result.AddError("--keep must be 1 or more.");
            }
        });
        command.SetAction(parse =>
        {
            var env = environment();
            return Backup(env, parse.GetDatabase(db, env), parse.GetValue(to)!, parse.GetValue(keep));
        });
        return command;
    }

    /// <summary><c>db backup</c>: a copy of the book in <paramref name="folderPath"/>, the newest <paramref name="keep"/> kept; a failure is one line and exit 4.</summary>
    internal static int Backup(VerbEnvironment environment, string connectionString, string folderPath, int? keep) => Guarded(environment.Error, () =>
    {
        var kind = OrderStoreFactory.KindOf(connectionString);
        var folder = new BackupFolder(folderPath);
        folder.Create();
        var file = folder.NameFor(TimeProvider.System.GetUtcNow(), kind);
        if (kind == OrderStoreKind.PostgreSql)
        {
            PostgresBackup.Create(connectionString, file);
        }
        else
        {
            SqliteBackup.Create(Path.GetFullPath(OrderStoreFactory.SqlitePath(connectionString)), file);
        }

        environment.Out.WriteLine($"backup written: {file} ({new FileInfo(file).Length:N0} bytes)");
        if (keep is int n)
        {
            foreach (var deleted in folder.Prune(n))
            {
                environment.Out.WriteLine($"pruned: {deleted}");
            }
        }
    });

    private static Command CreateRestore(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var from = new Argument<string>("FROM") { Description = "A backup file written by 'fleetmanager db backup'." };
        var command = new Command(
            "restore",
            "Replace the order book with a backup (checked first). Stop the service before restoring.")
        {
            from,
            db,
        };
        command.SetAction(parse =>
        {
            var env = environment();
            return Restore(env, parse.GetValue(from)!, parse.GetDatabase(db, env));
        });
        return command;
    }

    /// <summary><c>db restore</c>: the book replaced by the backup <paramref name="from"/> (checked first); a failure is one line and exit 4.</summary>
    internal static int Restore(VerbEnvironment environment, string from, string connectionString) => Guarded(environment.Error, () =>
    {
        var backup = Path.GetFullPath(from);
        if (OrderStoreFactory.KindOf(connectionString) == OrderStoreKind.PostgreSql)
        {
            PostgresBackup.Restore(backup, connectionString);
        }
        else
        {
            SqliteBackup.Restore(backup, Path.GetFullPath(OrderStoreFactory.SqlitePath(connectionString)));
        }

        environment.Out.WriteLine($"restored {backup}");
    });

    /// <summary>A failed backup or restore is one line with its fix and the store's exit code, never a stack trace.</summary>
    private static int Guarded(TextWriter error, Action action)
    {
        try
        {
            action();
            return ExitCodes.Success;
        }
        catch (StoreException ex)
        {
            // A failed backup or restore, or an order book path that cannot be used.
            error.WriteLine($"error: {ex.OneLine}");
            return ExitCodes.OrderBookUnavailable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message.TrimEnd('.')}. Check that the backup folder and the database file exist and that this user can write them.");
            return ExitCodes.OrderBookUnavailable;
        }
    }
}
