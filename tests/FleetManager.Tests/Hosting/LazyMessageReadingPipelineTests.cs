using FleetManager.Dashboard.Hosting;
using FleetManager.Hosting;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FleetManager.Tests.Hosting;

/// <summary>
/// The dashboard's reprocess pipeline resolved from the host's own container (<c>AddMessageReading</c>, as
/// <c>serve</c> registers it): nothing is built or opened until the first reprocess asks for the processor.
/// </summary>
public sealed class LazyMessageReadingPipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Processor_ServeRegistrationsOfTheDefaults_ResolvedWithoutOpeningTheBook()
    {
        var book = _temp.File("fm.db");
        using var services = Services([], book);

        var pipeline = services.GetRequiredService<IMessageReadingPipeline>();
        var processor = pipeline.Processor;

        Assert.Equal("rules", pipeline.ReaderName);
        Assert.Same(processor, pipeline.Processor);
        Assert.False(File.Exists(book), "the offline defaults need no geocode cache, so no store is opened");
    }

    [Fact]
    public void Processor_GeminiWithoutAKey_ConfigurationFailureAtTheFirstReprocessNotAtResolve()
    {
        using var services = Services(new() { ["Reader:Kind"] = "gemini" }, _temp.File("fm.db"));
        var pipeline = services.GetRequiredService<IMessageReadingPipeline>();

        var failure = Assert.Throws<OptionsValidationException>(() => pipeline.Processor);

        Assert.Equal("gemini", pipeline.ReaderName);
        Assert.Contains(failure.Failures, f => f.Contains("GEMINI_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void Processor_UnknownReaderKind_ConfigurationFailureNamingTheKinds()
    {
        using var services = Services(new() { ["Reader:Kind"] = "pigeon" }, _temp.File("fm.db"));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMessageReadingPipeline>().Processor);

        Assert.Contains(failure.Failures, f => f.Contains("'pigeon' is unknown", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, string book)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMessageReading(configuration, new OrderStoreOptions { ConnectionString = book });
        return services.BuildServiceProvider();
    }
}
