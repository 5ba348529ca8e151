using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// An order book of the test's own (the samples, imported by the real CLI with the environment given) served by its
/// own <c>fleetmanager serve</c> on loopback: for tests that change what the shared book's tests read.
/// </summary>
internal sealed class OwnOrderBook : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fm-dashboard-own-").FullName;
    private ServeProcess? _serve;

    public string Database => Path.Combine(_directory, "fleetmanager.db");

    public string Url => $"http://127.0.0.1:{_serve!.Port}";

    public string ImportOutput { get; private set; } = "";

    /// <summary>
    /// Imports the samples (or what <paramref name="write"/> puts in a folder of its own), lets <paramref name="beforeServe"/>
    /// change the book's database (its path) as the service would, and serves the book.
    /// </summary>
    public static async Task<OwnOrderBook> StartAsync(IReadOnlyDictionary<string, string> importEnvironment, Action<string>? write = null, Func<string, Task>? beforeServe = null)
    {
        var book = new OwnOrderBook();
        var mail = RepoPaths.Samples;
        if (write is not null)
        {
            mail = Path.Combine(book._directory, "mail");
            write(mail);
        }

        var import = await ServeProcess.RunCliAsync(importEnvironment, "import", mail, "--db", book.Database);
        Assert.True(import.ExitCode == 0, import.Output);
        book.ImportOutput = import.Output;
        if (beforeServe is not null)
        {
            await beforeServe(book.Database);
        }
        book._serve = await ServeProcess.StartAsync(book.Database, "http://127.0.0.1:0", new Dictionary<string, string>());
        return book;
    }

    public ValueTask DisposeAsync()
    {
        _serve?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
