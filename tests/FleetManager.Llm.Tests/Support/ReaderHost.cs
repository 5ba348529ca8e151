using FleetManager.Core.Http;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Gemini;
using FleetManager.Llm.Http;
using FleetManager.Llm.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace FleetManager.Llm.Tests.Support;

/// <summary>The readers as the program registers them (AddLlmReaders), pointed at a stand-in, with short retry delays and their log collected.</summary>
internal sealed class ReaderHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ReaderHost(string kind, Uri baseUrl, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    {
        var section = kind == "gemini" ? "Gemini" : "OpenAI";
        var values = new Dictionary<string, string?>
        {
            ["Reader:Kind"] = kind,
            [$"{section}:BaseUrl"] = baseUrl.AbsoluteUri,
            [$"{section}:ApiKey"] = "stand-in-key",
            [$"{section}:RequestsPerMinute"] = "60000",
            [$"{section}:RetryBaseDelay"] = "00:00:00.010",
            [$"{section}:MaxRetries"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddFakeLogging();
        services.AddLlmReaders(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        _services = services.BuildServiceProvider();
        _services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    }

    /// <summary>The reader the program would use (behind the pre-filter).</summary>
    public IOrderReader Reader => _services.GetRequiredService<IOrderReader>();

    public GeminiOrderReader Gemini => _services.GetRequiredService<GeminiOrderReader>();

    public OpenAiCompatibleOrderReader OpenAi => _services.GetRequiredService<OpenAiCompatibleOrderReader>();

    /// <summary>Every line the readers and their clients logged.</summary>
    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public RequestSpacingRateLimiter Limiter(string kind) => _services.GetRequiredKeyedService<RequestSpacingRateLimiter>(kind);

    public void Dispose() => _services.Dispose();
}
