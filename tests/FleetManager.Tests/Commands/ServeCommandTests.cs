using System.Net;
using System.Net.Sockets;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_MissingOrderBook_SaysToImportFirstAndExitsFour()
    {
        var result = await CliProcess.RunAsync("serve", "--db", _temp.File("missing.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fleetmanager import", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_GoogleGeocoderWithoutKey_OneLineExitsFiveWithNoHostFailureLog()
    {
        var db = await SampleBookAsync();
        var environment = new Dictionary<string, string> { ["FLEETMANAGER__GEOCODING__PROVIDER"] = "google", ["GOOGLE_MAPS_API_KEY"] = "" };

        var result = await CliProcess.RunAsync(environment, "serve", "--db", db, "--urls", "http://127.0.0.1:0");

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("GOOGLE_MAPS_API_KEY", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortInUse_OneLineNamingUrlsExitsFiveWithNothingOnStdOut()
    {
        var db = await SampleBookAsync();
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var result = await CliProcess.RunAsync("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        // The host's own start-up failure (logged with Kestrel's stack trace) must not reach the user.
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData(";")]
    [InlineData("ftp://127.0.0.1:21")]
    public async Task Serve_UrlsNotHttp_ExitsTwoNamingTheOption(string urls)
    {
        var db = await SampleBookAsync();

        var result = await CliProcess.RunAsync("serve", "--db", db, "--urls", urls);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--urls", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.StdErr, StringComparison.Ordinal);
    }

    private async Task<string> SampleBookAsync()
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "-q");
        Assert.Equal(0, import.ExitCode);
        return db;
    }
}
