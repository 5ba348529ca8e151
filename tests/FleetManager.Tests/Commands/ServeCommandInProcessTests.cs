using System.Text.RegularExpressions;
using FleetManager.Commands;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>serve</c> run in-process: the dashboard's settings come from the <see cref="VerbEnvironment"/> the test gives,
/// its address goes to the environment's output, and a token stops it as SIGTERM would, without starting a process.
/// </summary>
public sealed partial class ServeCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_SampleBook_PrintsTheAddressServesTheOrdersPageAndExitsZeroWhenStopped()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None));
        _verb.Out.GetStringBuilder().Clear();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var serving = ServeCommand.RunAsync(_verb.Environment(new() { ["DataDir"] = _verb.Temp.Path }), db, "http://127.0.0.1:0", stop.Token);
        var address = await AddressAsync(serving);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var page = await http.GetAsync(new Uri(address));
        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(ExitCodes.Success, exitCode);
    }

    [Fact]
    public async Task RunAsync_Started_TheHostsLogLinesGoToTheEnvironmentsOutputUntilStoppedByTheToken()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        _verb.Out.GetStringBuilder().Clear();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var serving = ServeCommand.RunAsync(_verb.Environment(), db, "http://127.0.0.1:0", stop.Token);
        var address = await AddressAsync(serving);
        var whileServing = _verb.Out.ToString();
        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Equal(ExitCodes.Success, exitCode);
        // The host's own lines (Microsoft.Hosting.Lifetime, in FleetManager's single-line format) before the address ...
        var origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        Assert.Contains($"info: Microsoft.Hosting.Lifetime[14] Now listening on: {origin}", whileServing, StringComparison.Ordinal);
        Assert.True(
            whileServing.IndexOf("Now listening on", StringComparison.Ordinal) < whileServing.IndexOf("Dashboard: ", StringComparison.Ordinal),
            "the log lines of the start come before the address: " + whileServing);
        // ... and after the token stopped it.
        Assert.Contains("Application is shutting down", _verb.Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", null, true)]
    [InlineData("http://0.0.0.0:0", "10.0.0.5", false)]
    [InlineData("http://127.0.0.1:0", null, false)]
    public async Task RunAsync_BeyondLoopbackWithoutUsers_WarnsThatNobodyCanSignInUnlessAProxySignsIn(string urls, string? trustedProxy, bool warns)
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        var settings = trustedProxy is null ? [] : new Dictionary<string, string?> { ["Dashboard:TrustedProxies:0"] = trustedProxy };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var serving = ServeCommand.RunAsync(_verb.Environment(settings), db, urls, stop.Token);
        await AddressAsync(serving);
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await serving);

        var warning = $"warning: The dashboard listens on {urls} but {db} has no users, so nobody can sign in from another machine. "
            + "Add one with 'fleetmanager users add NAME --role dispatcher' (or set Dashboard:TrustedProxies for a sign-in proxy).";
        Assert.Equal(warns ? warning : "", _verb.Error.ToString().TrimEnd());
    }

    [Fact]
    public async Task RunAsync_BookMissing_StoreErrorExit4InOneLineAndNothingListens()
    {
        var db = _verb.Temp.File("missing.db");

        var failure = await Assert.ThrowsAsync<OrderBookUnavailableException>(() =>
            ServeCommand.RunAsync(_verb.Environment(), db, "http://127.0.0.1:0", CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fleetmanager import", line, StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
        Assert.False(File.Exists(db));
    }

    /// <summary>The orders page's address once serve printed it; fails when serve ends first or after a minute.</summary>
    private async Task<string> AddressAsync(Task serving)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var match = DashboardLine().Match(_verb.Out.ToString());
            if (match.Success)
            {
                return match.Groups["address"].Value;
            }

            Assert.False(serving.IsCompleted, "serve stopped before listening: " + _verb.Error);
            Assert.True(DateTime.UtcNow < deadline, "serve printed no address within a minute");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^Dashboard: (?<address>\S+/orders) \(Ctrl\+C to stop\)", RegexOptions.Multiline)]
    private static partial Regex DashboardLine();
}
