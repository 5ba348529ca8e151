using FleetManager.Hosting;
using FleetManager.Service;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class ClosedGenericServicesTests
{
    [Fact]
    public void AddOptionsServices_ConfiguredAndPostConfigured_ResolvesTheSameValuesAsTheOpenRegistrations()
    {
        using var provider = Services(closed: true).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ServiceOptions>>().Value;
        var monitored = provider.GetRequiredService<IOptionsMonitor<ServiceOptions>>().CurrentValue;

        Assert.Equal(TimeSpan.FromSeconds(42), options.ShutdownTimeout);
        Assert.True(options.HealthDetail);
        Assert.Equal(options.ShutdownTimeout, monitored.ShutdownTimeout);
        // One factory and one cache: the monitor's value is the one the factory made once.
        Assert.Same(monitored, provider.GetRequiredService<IOptionsMonitor<ServiceOptions>>().Get(Options.DefaultName));
    }

    [Fact]
    public void AddOptionsServices_ValidatorRejects_ValueThrowsAsWithTheOpenRegistrations()
    {
        var services = Services(closed: true);
        services.AddSingleton<IValidateOptions<ServiceOptions>>(new RejectingValidator());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceOptions>>().Value);

        Assert.Contains("rejected by the test", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddClosedHostServices_Registered_TheContainerUsesTheExactRegistrations()
    {
        var services = new ServiceCollection();
        services.AddOptions().AddLogging().AddClosedHostServices();

        Assert.Contains(services, d => d.ServiceType == typeof(IOptions<HostOptions>) && d.ImplementationFactory is not null);
        Assert.Contains(services, d => d.ServiceType == typeof(IOptionsMonitor<KestrelServerOptions>) && d.ImplementationFactory is not null);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<OptionsManager<HostOptions>>(provider.GetRequiredService<IOptions<HostOptions>>());
    }

    [Fact]
    public void AddFleetManagerService_Registered_TheServicesOwnOptionsAndLoggersAreExactRegistrations()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFleetManagerService(new ConfigurationBuilder().Build(), "/nonexistent/fleetmanager.db");

        Assert.Contains(services, d => d.ServiceType == typeof(IOptions<ServiceOptions>) && d.ImplementationFactory is not null);
        Assert.Contains(services, d => d.ServiceType == typeof(IOptionsMonitor<ServiceOptions>) && d.ImplementationFactory is not null);
        Assert.Contains(services, d => d.ServiceType == typeof(ILogger<IdleMemoryReleaser>) && d.ImplementationFactory is not null);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<Logger<IdleMemoryReleaser>>(provider.GetRequiredService<ILogger<IdleMemoryReleaser>>());
    }

    [Fact]
    public void AddOptionsServices_ClosedRegistrationMadeBefore_KeepsIt()
    {
        var services = new ServiceCollection();
        var mine = Options.Create(new ServiceOptions { HealthDetail = true });
        services.AddSingleton<IOptions<ServiceOptions>>(mine);
        services.AddOptions().AddLogging();
        ClosedGenericServices.AddOptionsServices<ServiceOptions>(services);
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IOptions<ServiceOptions>>());
    }

    private static ServiceCollection Services(bool closed)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<ServiceOptions>()
            .Configure(o => o.ShutdownTimeout = TimeSpan.FromSeconds(42))
            .PostConfigure(o => o.HealthDetail = true);
        if (closed)
        {
            ClosedGenericServices.AddOptionsServices<ServiceOptions>(services);
        }

        return services;
    }

    private sealed class RejectingValidator : IValidateOptions<ServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceOptions options) => ValidateOptionsResult.Fail("rejected by the test");
    }
}
