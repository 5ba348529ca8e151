using System.CommandLine;
using FleetManager.Hosting;

namespace FleetManager.Commands;

/// <summary>Options shared by several verbs, created once so their names and help read the same.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// The order book: <c>--db</c> (a SQLite file, or a PostgreSQL connection string), else the
    /// <c>Storage:ConnectionString</c> setting, else <c>$DATA_DIR/fleetmanager.db</c> (the original
    /// tool's variable), else <c>./fleetmanager.db</c>.
    /// </summary>
    public static Option<string> Database() => new("--db")
    {
        Description = "The order book: a SQLite file, or a PostgreSQL connection string (default: Storage:ConnectionString, else $DATA_DIR/fleetmanager.db, else ./fleetmanager.db).",
        DefaultValueFactory = _ => StoreConfiguration.DefaultConnectionString(),
    };

    public static Argument<string[]> InputPaths() => new("PATH")
    {
        Description = ".eml files, folders (searched recursively for .eml files, Maildirs and mbox files), Maildirs or mbox files.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>
    /// <c>--reader rules|gemini|openai|hybrid</c>: who reads the messages; default <c>Reader:Kind</c>
    /// (<c>FLEETMANAGER__READER__KIND</c>), else the offline rules engine.
    /// </summary>
    public static Option<string> Reader()
    {
        var option = new Option<string>("--reader")
        {
            Description = "Who reads the messages: rules (offline), gemini (GEMINI_API_KEY), openai (any OpenAI-compatible server) or hybrid (rules, and the model of Reader:HybridModel only for orders below Reader:HybridThreshold). Default: Reader:Kind, else rules.",
            DefaultValueFactory = _ => ReaderConfiguration.DefaultReader(AppConfiguration.Build()),
        };
        option.AcceptOnlyFromAmong("rules", "gemini", "openai", "hybrid");
        return option;
    }
}
