using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Whole command lines run in-process (<see cref="CommandLine.RunAsync(string[], VerbEnvironment)"/>): the defaults of
/// <c>--db</c> and <c>--reader</c> are read from the environment a verb is given when it runs, not from this process's
/// variables when the line is parsed, so two environments in one process open two books.
/// </summary>
public sealed class CommandLineInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_TwoEnvironmentsWithDifferentDataDir_EachVerbOpensTheBookOfItsOwnDataDir()
    {
        var first = Directory.CreateDirectory(_verb.Temp.File("first")).FullName;
        var second = Directory.CreateDirectory(_verb.Temp.File("second")).FullName;

        var migrated = await _verb.RunAsync(new() { ["DataDir"] = first }, "db", "migrate");
        var listed = await _verb.RunAsync(new() { ["DataDir"] = second }, "users", "list");

        Assert.True(migrated == ExitCodes.Success, _verb.Error.ToString());
        Assert.StartsWith($"{Path.Combine(first, "fleetmanager.db")}: schema version 0 -> ", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(first, "fleetmanager.db")));
        // The second environment's book is its own: not created by the first, and a reading verb creates none.
        Assert.Equal(ExitCodes.OrderBookUnavailable, listed);
        Assert.Contains(Path.Combine(second, "fleetmanager.db"), _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(second, "fleetmanager.db")));
    }

    [Fact]
    public async Task RunAsync_StorageConnectionStringAndDataDir_TheConnectionStringWinsAndDbWinsOverBoth()
    {
        var dataDir = Directory.CreateDirectory(_verb.Temp.File("data")).FullName;
        var configured = _verb.Temp.File("configured.db");
        var given = _verb.Temp.File("given.db");
        var settings = new Dictionary<string, string?> { ["DataDir"] = dataDir, ["Storage:ConnectionString"] = configured };

        Assert.Equal(ExitCodes.Success, await _verb.RunAsync(settings, "db", "migrate"));
        Assert.Equal(ExitCodes.Success, await _verb.RunAsync(settings, "db", "migrate", "--db", given));

        Assert.True(File.Exists(configured));
        Assert.True(File.Exists(given));
        Assert.False(File.Exists(Path.Combine(dataDir, "fleetmanager.db")));
    }

    [Fact]
    public async Task RunAsync_ReaderKindInTheEnvironment_IsTheDefaultOfReader()
    {
        var message = Directory.EnumerateFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).First();

        // The environment names a model without its key: the verb reads with it, so the configuration fails (exit 5).
        var withGemini = await _verb.RunAsync(new() { ["Reader:Kind"] = "gemini" }, "extract", message);
        var geminiErrors = _verb.Error.ToString();
        _verb.Error.GetStringBuilder().Clear();
        var withDefault = await _verb.RunAsync([], "extract", message);

        Assert.Equal(ExitCodes.Configuration, withGemini);
        Assert.StartsWith("error: configuration: ", geminiErrors, StringComparison.Ordinal);
        Assert.Contains("Gemini", geminiErrors, StringComparison.Ordinal);
        Assert.True(withDefault == ExitCodes.Success, _verb.Error.ToString());
        Assert.Contains("\"message_id\"", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_GoesToTheEnvironmentsOutputAndSaysWhatTheDbDefaultIs()
    {
        var exitCode = await _verb.RunAsync([], "orders", "list", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--db", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("default: Storage:ConnectionString, else $DATA_DIR/fleetmanager.db, else ./fleetmanager.db", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_UsageErrorOnTheEnvironmentsErrorWriterExit2()
    {
        var exitCode = await _verb.RunAsync([], "frobnicate");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: ", _verb.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
    }

    [Theory]
    [InlineData("'imprt' is not a verb of fleetmanager: did you mean 'import'?", "imprt", "mail")]
    [InlineData("'lsit' is not a verb of fleetmanager orders: did you mean 'list'?", "orders", "lsit")]
    [InlineData("Unrecognized command or argument 'frobnicate'.", "frobnicate")]
    public async Task RunAsync_MistypedVerb_OneLineWithTheVerbMeantExit2(string expected, params string[] args)
    {
        var exitCode = await _verb.RunAsync([], args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(
            ["error: " + expected, "Run 'fleetmanager --help' (or 'fleetmanager VERB --help') for usage."],
            _verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task RunAsync_ServeOnHttps_UsageErrorSendingTlsToTheFrontProxyExit2()
    {
        var exitCode = await _verb.RunAsync([], "serve", "--urls", "https://127.0.0.1:8443");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: --urls: 'https://127.0.0.1:8443' asks for HTTPS, which FleetManager leaves to a front proxy", _verb.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoVerb_PrintsTheVerbsExit2()
    {
        var exitCode = await _verb.RunAsync([]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Usage:", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("import", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _verb.Error.ToString());
    }

    [Theory]
    [InlineData("'boss' is not a valid value for --role: use viewer, dispatcher or admin.", "users", "add", "bob", "--role", "boss")]
    [InlineData("'pdf' is not a valid value for --format: use csv, xlsx or json.", "orders", "export", "--format", "pdf")]
    [InlineData("'magic' is not a valid value for --reader: use rules, gemini, openai or hybrid.", "extract", "--reader", "magic", "x.eml")]
    public async Task RunAsync_ValueNotAmongTheChoices_OneLineNamingTheOptionAndTheChoicesExit2(string expected, params string[] args)
    {
        var exitCode = await _verb.RunAsync([], args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(
            ["error: " + expected, "Run 'fleetmanager --help' (or 'fleetmanager VERB --help') for usage."],
            _verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
