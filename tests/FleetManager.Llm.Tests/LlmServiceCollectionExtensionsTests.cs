using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Llm.Gemini;
using FleetManager.Llm.Hybrid;
using FleetManager.Llm.OpenAi;
using FleetManager.Llm.PreFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FleetManager.Llm.Tests;

/// <summary>The keyed readers of <c>AddModelReaders</c>: one container serves every reader a host's sources name.</summary>
public sealed class LlmServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("rules", "true", typeof(RulesOrderReader))]
    [InlineData("gemini", "true", typeof(PreFilteredOrderReader))]
    [InlineData("gemini", "false", typeof(GeminiOrderReader))]
    [InlineData("openai", "false", typeof(OpenAiCompatibleOrderReader))]
    [InlineData("hybrid", "true", typeof(HybridOrderReader))]
    public void AddModelReaders_KeyedReader_IsTheReaderThatKindNames(string kind, string preFilter, Type expected)
    {
        using var services = Build(new() { ["Reader:PreFilter"] = preFilter, ["Gemini:ApiKey"] = "k", ["OpenAI:ApiKey"] = "k" });

        Assert.IsType(expected, services.GetRequiredKeyedService<IOrderReader>(kind));
    }

    [Fact]
    public void AddModelReaders_ModelWithoutKey_ValidatesNothingAtStartAndNamesTheKeyWhenAsked()
    {
        using var services = Build(new() { ["Reader:Kind"] = "gemini" });

        services.GetService<IStartupValidator>()?.Validate();

        Assert.Contains(services.ModelReaderFailures("gemini"), f => f.Contains("GEMINI_API_KEY", StringComparison.Ordinal));
        Assert.Empty(services.ModelReaderFailures("rules"));
    }

    [Fact]
    public void AddLlmReaders_ReaderKind_UnkeyedReaderIsThatKindsKeyedReader()
    {
        using var services = new ServiceCollection()
            .AddLlmReaders(Configuration(new() { ["Reader:Kind"] = "openai", ["Reader:PreFilter"] = "false", ["OpenAI:ApiKey"] = "k" }))
            .BuildServiceProvider();

        Assert.IsType<OpenAiCompatibleOrderReader>(services.GetRequiredService<IOrderReader>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddModelReaders(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
