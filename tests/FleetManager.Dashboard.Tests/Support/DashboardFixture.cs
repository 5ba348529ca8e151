using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Playwright;
using Xunit;
using FleetManager.Tests.Support;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// One order book imported by the real CLI from samples/, the dev corpus and a hostile message, served by two
/// real <c>fleetmanager serve</c> processes on every address of this machine, and one headless Chromium:
/// <list type="bullet">
/// <item><see cref="Untrusted"/> trusts no proxy this machine has (so a request from its own non-loopback address, headers or not, must sign in);</item>
/// <item><see cref="BehindProxy"/> trusts this machine's non-loopback address as its sign-in proxy, with one dispatcher.</item>
/// </list>
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Dispatcher = "dispatcher@example.com";
    private readonly string _directory = Directory.CreateTempSubdirectory("fm-dashboard-").FullName;
    private IPlaywright? _playwright;

    public string Database => Path.Combine(_directory, "fleetmanager.db");

    internal ServeProcess Untrusted { get; private set; } = null!;

    internal ServeProcess BehindProxy { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>This machine's first non-loopback IPv4 address: a request from it is not a loopback request.</summary>
    public IPAddress OwnAddress { get; } = NonLoopbackAddress();

    public string LoopbackUrl => $"http://127.0.0.1:{Untrusted.Port}";

    public async Task InitializeAsync()
    {
        var hostile = Path.Combine(_directory, "hostile");
        HostileOrderMessage.Write(hostile);
        var import = await ServeProcess.RunCliAsync("import", RepoPaths.Samples, RepoPaths.DevCorpus, hostile, "--db", Database, "--quiet");
        Assert.True(import.ExitCode == 0, import.Output);

        Untrusted = await ServeProcess.StartAsync(Database, "http://0.0.0.0:0", new Dictionary<string, string>
        {
            ["FLEETMANAGER__DASHBOARD__TRUSTEDPROXIES__0"] = "198.51.100.7",
        });
        BehindProxy = await ServeProcess.StartAsync(Database, "http://0.0.0.0:0", new Dictionary<string, string>
        {
            ["FLEETMANAGER__DASHBOARD__TRUSTEDPROXIES__0"] = OwnAddress.ToString(),
            ["FLEETMANAGER__DASHBOARD__DISPATCHERS__0"] = Dispatcher,
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/lib/chromium/chromium",
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Untrusted?.Dispose();
        BehindProxy?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new InvalidOperationException("This machine has no non-loopback IPv4 address to simulate a remote client with.");
}
