using FleetManager.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class FailedBackgroundServiceTests
{
    [Fact]
    public async Task FailureOf_AServiceWhoseWorkFailed_ItsException()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IHostedService, Quiet>()
            .AddSingleton<IHostedService, Failing>()
            .BuildServiceProvider();
        foreach (var service in services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var failing = services.GetServices<IHostedService>().OfType<Failing>().Single();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.ExecuteTask!);

        var failure = FailedBackgroundService.FailureOf(services.GetServices<IHostedService>());

        Assert.Equal("the poll loop broke", Assert.IsType<InvalidOperationException>(failure).Message);
    }

    [Fact]
    public async Task FailureOf_ServicesThatRanOrStoppedCleanly_Null()
    {
        using var services = new ServiceCollection().AddSingleton<IHostedService, Quiet>().BuildServiceProvider();
        var quiet = services.GetRequiredService<IHostedService>();
        await quiet.StartAsync(CancellationToken.None);
        await quiet.StopAsync(CancellationToken.None);

        Assert.Null(FailedBackgroundService.FailureOf(services.GetServices<IHostedService>()));
    }

    private sealed class Quiet : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the poll loop broke");
        }
    }
}
