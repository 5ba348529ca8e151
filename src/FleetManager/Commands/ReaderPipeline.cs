using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Hosting;
using FleetManager.Llm;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary>
/// The message processor for the chosen reader, with the services behind it (typed HttpClients,
/// rate limiters) kept alive until disposed. The chosen reader's options are validated at once,
/// so a missing key is one clear error before any message is read.
/// </summary>
internal sealed class ReaderPipeline : IDisposable
{
    private readonly ServiceProvider? _services;

    private ReaderPipeline(ServiceProvider? services, MessageProcessor processor, int maxInFlight)
    {
        _services = services;
        Processor = processor;
        MaxInFlight = maxInFlight;
    }

    public MessageProcessor Processor { get; }

    /// <summary>Messages in flight during an import: bounded for a model reader, so its rate limit is not spent on waiting messages.</summary>
    public int MaxInFlight { get; }

    /// <exception cref="OptionsValidationException">The chosen reader is not configured (a missing key).</exception>
    public static ReaderPipeline Create(string reader, bool geocode, IConfiguration? configuration = null)
    {
        if (reader == "rules")
        {
            // The offline default: no configuration, no services, nothing to start.
            return new ReaderPipeline(null, PipelineFactory.CreateProcessor(geocode), Math.Max(4, Environment.ProcessorCount * 8));
        }

        var config = new ConfigurationBuilder()
            .AddConfiguration(configuration ?? AppConfiguration.Build())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reader:Kind"] = reader })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            // Retries are expected with rate-limited models; report only what fails for good.
            .AddFilter("Polly", LogLevel.Error));
        services.AddLlmReaders(config);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            var model = provider.ChosenModelOptions();
            var processor = new MessageProcessor(new MimeEmailParser(), provider.GetRequiredService<IOrderReader>(), geocode ? OfflineGazetteer.Shared : null)
            {
                MessageTimeout = model?.MessageTimeout ?? TimeSpan.FromSeconds(30),
            };
            return new ReaderPipeline(provider, processor, model?.MaxConcurrentMessages ?? Math.Max(4, Environment.ProcessorCount * 8));
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public void Dispose() => _services?.Dispose();
}
