using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Service;

/// <summary><c>fleetmanager run</c> serves the dashboard beside the probes, which stay open and without the dashboard's policy.</summary>
public sealed class DashboardInRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_WithAFolderSource_ServesTheDashboardOnItsOrdersAndKeepsProbesOpen()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 3);
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });
        await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);

        using var orders = await host.Http.GetAsync("/orders");
        var page = await orders.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, orders.StatusCode);
        Assert.Contains("<table class=\"orders\">", page, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", orders.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var health = await host.Http.GetAsync("/healthz/live");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Run_WithTheDashboardDisabled_ServesOnlyTheProbes()
    {
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = Directory.CreateDirectory(Path.Combine(_temp.Path, "empty")).FullName,
            ["Dashboard:Enabled"] = "false",
        });

        using var orders = await host.Http.GetAsync("/orders");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, orders.StatusCode);
    }
}
