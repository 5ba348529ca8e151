using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>healthcheck</c> run in-process: the default address comes from <c>Service:Urls</c> in the
/// <see cref="VerbEnvironment"/> the test gives and the answer goes to its writers, without starting a process.
/// </summary>
public sealed class HealthcheckCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task RunAsync_ServiceUrlsFromTheSettings_AsksThatServiceAndExitsZero()
    {
        await using var host = await ServiceTestHost.StartAsync(_verb.Temp.File("fm.db"), new Dictionary<string, string?>());
        var settings = new Dictionary<string, string?> { ["Service:Urls"] = host.BaseAddress.ToString().TrimEnd('/') };

        var exitCode = await HealthcheckCommand.RunAsync(_verb.Environment(settings), url: null, ready: false, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal($"{new Uri(host.BaseAddress, "/healthz/live")}: HTTP 200", _verb.Out.ToString().TrimEnd());
    }

    [Fact]
    public async Task RunAsync_NothingListeningAtTheConfiguredUrl_ExitsOneWithOneLine()
    {
        var url = $"http://127.0.0.1:{FreeTcpPort.Next()}";

        var exitCode = await HealthcheckCommand.RunAsync(_verb.Environment(new() { ["Service:Urls"] = url }), url: null, ready: true, CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{url}/healthz/ready: no answer (", line, StringComparison.Ordinal);
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task RunAsync_UrlNotAUrl_ExitsOneWithOneLine()
    {
        var exitCode = await HealthcheckCommand.RunAsync(_verb.Environment(new() { ["Service:Urls"] = "not a url" }), url: null, ready: false, CancellationToken.None);

        Assert.Equal(ExitCodes.Quarantined, exitCode);
        Assert.Equal("error: 'not a url' is not a URL.", _verb.Error.ToString().TrimEnd());
    }
}
