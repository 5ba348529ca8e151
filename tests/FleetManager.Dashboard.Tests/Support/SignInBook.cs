using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// The samples imported into an order book of its own, with built-in users added by the real CLI, served by
/// <c>fleetmanager serve</c> on loopback with <c>Dashboard:LoopbackWithoutLogin=false</c>: every request must sign in.
/// </summary>
public sealed class SignInBook : IAsyncLifetime
{
    public const string Password = "correct horse battery";
    public const string Viewer = "vera";
    public const string Dispatcher = "Dora";
    public const string Admin = "adam";

    private readonly string _directory = Directory.CreateTempSubdirectory("fm-dashboard-sign-in-").FullName;
    private ServeProcess? _serve;

    public string Database => Path.Combine(_directory, "fleetmanager.db");

    public string Url => $"http://127.0.0.1:{_serve!.Port}";

    /// <summary>The folder of the book (where its dashboard-keys folder is).</summary>
    public string Folder => _directory;

    public async Task InitializeAsync()
    {
        var import = await ServeProcess.RunCliAsync("import", RepoPaths.Samples, "--db", Database, "--quiet");
        Assert.True(import.ExitCode == 0, import.Output);
        foreach (var (name, role) in new[] { (Viewer, "viewer"), (Dispatcher, "dispatcher"), (Admin, "admin") })
        {
            await AddUserAsync(name, role);
        }

        _serve = await StartServeAsync(new Dictionary<string, string>());
    }

    /// <summary>Adds a user with <see cref="Password"/> through the CLI.</summary>
    public async Task AddUserAsync(string name, string role)
    {
        var add = await ServeProcess.RunCliWithInputAsync(Password + "\n", "users", "add", name, "--role", role, "--db", Database);
        Assert.True(add.ExitCode == 0, add.Output);
    }

    /// <summary>Another <c>serve</c> of this book with login required and <paramref name="settings"/> (FLEETMANAGER__… variables).</summary>
    internal Task<ServeProcess> StartServeAsync(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(settings) { ["FLEETMANAGER__DASHBOARD__LOOPBACKWITHOUTLOGIN"] = "false" };
        environment.TryAdd("FLEETMANAGER__DASHBOARD__SIGNINATTEMPTSPERMINUTE", "1000");
        return ServeProcess.StartAsync(Database, "http://127.0.0.1:0", environment);
    }

    public Task DisposeAsync()
    {
        _serve?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
