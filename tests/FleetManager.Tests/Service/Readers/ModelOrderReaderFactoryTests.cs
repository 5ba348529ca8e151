using FleetManager.Core.Model;
using FleetManager.Hosting;
using FleetManager.Mail.Parsing;
using FleetManager.Service;
using FleetManager.Service.Readers;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.OpenAI;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FleetManager.Tests.Service.Readers;

/// <summary>
/// The model readers as keyed services of the one container <c>poll</c> and <c>doctor</c> build
/// (<see cref="VerbHostBuilder"/> + <c>AddFleetManagerService</c>), resolved in-process: the reader a source
/// names is the model that answers, against the Gemini and OpenAI-compatible stand-ins.
/// </summary>
public sealed class ModelOrderReaderFactoryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly GeminiStandIn _gemini = new() { ApiKey = "gemini-key" };
    private readonly OpenAiStandIn _openAi = new() { ApiKey = "openai-key" };

    public async Task InitializeAsync()
    {
        await _gemini.StartAsync();
        await _openAi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _openAi.DisposeAsync();
        await _gemini.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("gemini")]
    [InlineData("openai")]
    public async Task Create_ReaderNamedBySource_ThatModelAnswers(string reader)
    {
        using var host = BuildHost(new()
        {
            ["Reader:PreFilter"] = "false",
            ["Gemini:ApiKey"] = "gemini-key",
            ["Gemini:BaseUrl"] = _gemini.BaseAddress.AbsoluteUri,
            ["OpenAI:ApiKey"] = "openai-key",
            ["OpenAI:BaseUrl"] = _openAi.ApiBase.AbsoluteUri,
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = _temp.Path,
            ["Sources:0:Reader"] = reader,
        });
        var factory = Factory(host, reader);

        Assert.Empty(factory.Validate());
        var result = await factory.Create(host.Services).ReadAsync(SampleEmail(), CancellationToken.None);

        Assert.Equal(Classification.Other, result.Classification);
        Assert.Equal(reader == "gemini" ? 1 : 0, _gemini.Answered.Count);
        Assert.Equal(reader == "openai" ? 1 : 0, _openAi.Answered.Count);
    }

    [Fact]
    public void Validate_GeminiWithoutKey_NamesTheKeyAndLeavesOpenAiAlone()
    {
        using var host = BuildHost(new() { ["OpenAI:ApiKey"] = "openai-key" });

        Assert.Contains(Factory(host, "gemini").Validate(), f => f.Contains("GEMINI_API_KEY", StringComparison.Ordinal));
        Assert.Empty(Factory(host, "openai").Validate());
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = VerbHostBuilder.Create(configuration);
        builder.Services.AddFleetManagerService(configuration, _temp.File("book.db"));
        return builder.Build();
    }

    private static IOrderReaderFactory Factory(IHost host, string name) =>
        host.Services.GetServices<IOrderReaderFactory>().Single(f => f.Name == name);

    private static Email SampleEmail() =>
        new MimeEmailParser().Parse(new RawMessage("sample", File.ReadAllBytes(Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).First())));
}
