using FleetManager.Core.Pipeline;
using FleetManager.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Readers;

/// <summary>
/// A model reader (<c>Reader: gemini</c>, <c>openai</c>, or <c>hybrid</c>: the rules engine with the model of
/// <c>Reader:HybridModel</c> behind it) with its settings from the top-level <c>Gemini</c> / <c>OpenAI</c> and
/// <c>Reader</c> sections: the keyed <see cref="IOrderReader"/> the Llm project registers (<c>AddModelReaders</c>)
/// in the service's one container. Every source using it shares one HttpClient pipeline and one rate limiter, as
/// they share one API key and its quota; a model no source uses is never built.
/// </summary>
internal sealed class ModelOrderReaderFactory(string name, IServiceProvider services) : IOrderReaderFactory
{
    public string Name => name;

    public TimeSpan MessageTimeout => services.ModelOptions(Model)?.MessageTimeout ?? TimeSpan.FromSeconds(30);

    public int MaxInFlight => services.ModelOptions(Model)?.MaxConcurrentMessages ?? 4;

    public IEnumerable<string> Validate() => services.ModelReaderFailures(Model);

    /// <summary>The model whose settings apply: hybrid's is <c>Reader:HybridModel</c>.</summary>
    private string Model => name == "hybrid" ? services.GetRequiredService<IOptions<ReaderOptions>>().Value.HybridModel : name;

    public IOrderReader Create(IServiceProvider services) => services.GetRequiredKeyedService<IOrderReader>(name);
}
