using FleetManager.Hosting;
using FleetManager.Core.Pipeline;
using FleetManager.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service.Readers;

/// <summary>
/// A model reader (<c>Reader: gemini</c> or <c>openai</c>) with its settings from the top-level
/// <c>Gemini</c> / <c>OpenAI</c> and <c>Reader</c> sections. One set of services per reader for the whole
/// service: every source using it shares one HttpClient pipeline and one rate limiter, as they share
/// one API key and its quota.
/// </summary>
internal sealed class ModelOrderReaderFactory(string name, IConfiguration configuration, ILoggerFactory loggers, TimeProvider time) : IOrderReaderFactory, IDisposable
{
    private readonly Lock _gate = new();
    private ServiceProvider? _services;

    public string Name => name;

    public TimeSpan MessageTimeout => Services.ChosenModelOptions()?.MessageTimeout ?? TimeSpan.FromSeconds(30);

    public int MaxInFlight => Services.ChosenModelOptions()?.MaxConcurrentMessages ?? 4;

    public IEnumerable<string> Validate() => ValidatedServices.Failures(Services);

    public IOrderReader Create(IServiceProvider services) => Services.GetRequiredService<IOrderReader>();

    public void Dispose()
    {
        lock (_gate)
        {
            _services?.Dispose();
            _services = null;
        }
    }

    private ServiceProvider Services
    {
        get
        {
            lock (_gate)
            {
                if (_services is null)
                {
                    var chosen = new ConfigurationBuilder()
                        .AddConfiguration(configuration)
                        .AddInMemoryCollection(new Dictionary<string, string?> { ["Reader:Kind"] = name })
                        .Build();
                    var services = new ServiceCollection();
                    services.AddSingleton(loggers);
                    services.AddSingleton(time);
                    services.AddLlmReaders(chosen);
                    _services = services.BuildServiceProvider();
                }

                return _services;
            }
        }
    }
}
