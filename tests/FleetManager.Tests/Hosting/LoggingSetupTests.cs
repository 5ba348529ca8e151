using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FleetManager.Tests.Hosting;

/// <summary>The product's level floors over <c>Logging:LogLevel</c>, as every verb and host sets them up.</summary>
public sealed class LoggingSetupTests
{
    [Fact]
    public void Polly_AttemptLinesOff_RetriesAndFailuresOn()
    {
        using var services = Logging(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        var polly = services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly");

        Assert.False(polly.IsEnabled(LogLevel.Information));
        Assert.True(polly.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Polly_LoweredByItsOwnSetting_AttemptLinesOn()
    {
        using var services = Logging(new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "Information" });

        Assert.True(services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void HttpClient_RequestLinesStayOffWhateverTheSettingsSay()
    {
        using var services = Logging(new Dictionary<string, string?> { ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug" });

        Assert.False(services.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient.gemini.LogicalHandler").IsEnabled(LogLevel.Information));
    }

    private static ServiceProvider Logging(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging(logging => logging.AddFleetManagerLogging(configuration, TextWriter.Null, colors: false)).BuildServiceProvider();
    }
}
