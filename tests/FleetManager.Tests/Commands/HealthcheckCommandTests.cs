using FleetManager.Commands;
using FleetManager.Service;
using FleetManager.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Commands;

/// <summary><c>fleetmanager healthcheck</c> (the container's HEALTHCHECK) against a real running host.</summary>
public sealed class HealthcheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Healthcheck_LiveServiceButNotReady_LiveExitsZeroReadyExitsOne()
    {
        var mailbox = new GatedMailbox("gated");
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "gated",
            ["Sources:0:Kind"] = "test",
        }, s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));
        await mailbox.PollWaiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var url = host.BaseAddress.ToString();

        var live = await CliProcess.RunAsync("healthcheck", "--url", url);
        var ready = await CliProcess.RunAsync("healthcheck", "--url", url, "--ready");

        Assert.True(live.ExitCode == 0, live.StdOut + live.StdErr);
        Assert.Equal(1, ready.ExitCode);

        mailbox.Open();
        await host.WaitForStatusAsync("/healthz/ready", 200);
        var readyAfterPoll = await CliProcess.RunAsync("healthcheck", "--url", url, "--ready");
        Assert.True(readyAfterPoll.ExitCode == 0, readyAfterPoll.StdOut + readyAfterPoll.StdErr);
    }

    [Fact]
    public async Task Healthcheck_NothingListening_ExitsOne()
    {
        var result = await CliProcess.RunAsync("healthcheck", "--url", "http://127.0.0.1:1");
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:9090;http://127.0.0.1:9091", "http://localhost:9090")]
    [InlineData("http://+:7000", "http://localhost:7000")]
    public void DefaultUrl_FromServiceUrls_ReadsWildcardAsLocalhost(string? urls, string expected) =>
        Assert.Equal(expected, HealthcheckCommand.DefaultUrl(urls));
}
