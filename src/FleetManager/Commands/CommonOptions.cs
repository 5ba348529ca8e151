using System.CommandLine;
using FleetManager.Hosting;

namespace FleetManager.Commands;

/// <summary>Options shared by several verbs, created once so their names and help read the same.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// The order book: <c>--db</c> (a SQLite file, or a PostgreSQL connection string), else the
    /// <c>Storage:ConnectionString</c> setting, else <c>$DATA_DIR/fleetmanager.db</c> (the original
    /// tool's variable), else <c>./fleetmanager.db</c>. The option has no default of its own: the default is
    /// the verb's configuration's, resolved when the verb runs (<see cref="GetDatabase"/>),
    /// so the environment a verb is given decides it, and the help says what it is.
    /// </summary>
    public static Option<string?> Database() => new("--db")
    {
        Description = "The order book: a SQLite file, or a PostgreSQL connection string (default: Storage:ConnectionString, else $DATA_DIR/fleetmanager.db, else ./fleetmanager.db).",
    };

    /// <summary>The order book <paramref name="option"/> names, else the default of <paramref name="environment"/>'s configuration (<see cref="StoreConfiguration.DefaultConnectionString"/>).</summary>
    public static string GetDatabase(this ParseResult parse, Option<string?> option, VerbEnvironment environment) =>
        parse.GetValue(option) ?? StoreConfiguration.DefaultConnectionString(environment.Configuration);

    /// <summary>The reader <paramref name="option"/> names, else <c>Reader:Kind</c> of <paramref name="environment"/>'s configuration, else rules.</summary>
    public static string GetReader(this ParseResult parse, Option<string?> option, VerbEnvironment environment) =>
        parse.GetValue(option) ?? ReaderConfiguration.DefaultReader(environment.Configuration);

    public static Argument<string[]> InputPaths() => new("PATH")
    {
        Description = ".eml files, folders (searched recursively for .eml files, Maildirs and mbox files), Maildirs or mbox files.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>
    /// <c>--reader rules|gemini|openai|hybrid</c>: who reads the messages; default <c>Reader:Kind</c>
    /// (<c>FLEETMANAGER__READER__KIND</c>), else the offline rules engine, resolved when the verb runs
    /// (<see cref="GetReader"/>).
    /// </summary>
    public static Option<string?> Reader()
    {
        var option = new Option<string?>("--reader")
        {
            Description = "Who reads the messages: rules (offline), gemini (GEMINI_API_KEY), openai (any OpenAI-compatible server) or hybrid (rules, and the model of Reader:HybridModel only for orders below Reader:HybridThreshold). Default: Reader:Kind, else rules.",
        };
        option.AcceptOnlyFromAmong("rules", "gemini", "openai", "hybrid");
        return option;
    }
}
