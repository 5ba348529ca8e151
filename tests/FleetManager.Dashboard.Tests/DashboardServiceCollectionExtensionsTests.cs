using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FleetManager.Dashboard.Tests;

/// <summary>
/// The dashboard's data protection loads its key ring on first use, not at start (so an idle service with no TLS source
/// never loads OpenSSL), and still protects and reads back with keys kept in the keys folder.
/// </summary>
public sealed class DashboardServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("fm-dashboard-keys-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public void AddDataProtection_RegistersTheHostedServiceTheDashboardRemoves()
    {
        // Guards the name the removal matches: if ASP.NET Core renames its hosted service, this fails instead of the
        // key ring silently loading at start again.
        var services = new ServiceCollection();
        services.AddDataProtection();

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == DashboardServiceCollectionExtensions.KeyRingLoadAtStartService);
    }

    [Fact]
    public void AddFleetManagerDashboard_NoHostedServiceLoadsTheKeyRingAtStart()
    {
        var services = DashboardServices();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == DashboardServiceCollectionExtensions.KeyRingLoadAtStartService);
    }

    [Fact]
    public void AddFleetManagerDashboard_FirstProtect_CreatesTheKeyAndAnotherProviderReadsItBack()
    {
        var keys = Path.Combine(_dataDir, DashboardKeysDirectory.FolderName);
        string protectedText;
        using (var first = DashboardServices().BuildServiceProvider())
        {
            Assert.Empty(Directory.GetFiles(keys));
            protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session of alice");
        }

        // The key was created on that first use and written to the keys folder, where a restarted service (or the
        // other colour of a blue-green pair) finds it.
        Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        using var second = DashboardServices().BuildServiceProvider();
        Assert.Equal("session of alice", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    private ServiceCollection DashboardServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDir"] = _dataDir }).Build();
        services.AddFleetManagerDashboard(configuration, new OrderStoreOptions { ConnectionString = Path.Combine(_dataDir, "never-opened.db") });
        return services;
    }
}
