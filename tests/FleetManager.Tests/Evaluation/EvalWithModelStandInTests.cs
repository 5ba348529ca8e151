using FleetManager.Commands;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;
using FleetManager.StandIns.OpenAI;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Evaluation;

/// <summary>
/// <c>eval --reader gemini|openai</c> end to end against stand-ins that answer like a perfect model
/// (each message's expected file): what the score then measures is the reader's plumbing — request,
/// answer parsing, validation, normalisation, pre-filter — which must lose nothing.
/// </summary>
public sealed class EvalWithModelStandInTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Eval_GeminiReaderAnsweringFromExpectedFiles_ScoresAboutOne()
    {
        await using var gemini = new GeminiStandIn { Answer = CorpusAnswers.FromDirectory(RepoPaths.DevCorpus) };
        await gemini.StartAsync();

        var report = await EvalCommand.EvaluateAsync(RepoPaths.DevCorpus, "gemini", Settings("Gemini", gemini.BaseAddress, "stand-in-key"));

        output.WriteLine($"gemini stand-in: classification {report.ClassificationAccuracy:0.000}, field F1 {report.FieldF1:0.000}, {gemini.Requests.Count} calls for {report.Messages} messages");
        output.WriteLine($"prompt text per call: {gemini.Answered.Average(r => r.Text.Length):0} characters on average, {gemini.Answered.Max(r => r.Text.Length)} at most; {gemini.Answered.Sum(r => r.Files)} inline files; instructions {FleetManager.Llm.Prompting.OrderPromptBuilder.Instructions.Length} characters, schema {FleetManager.Llm.Schema.OrderAnswerSchema.Answer.ToGeminiSchema().ToJsonString().Length} characters");
        foreach (var m in report.Mismatches)
        {
            output.WriteLine($"  {m.MessageId} [{m.OrderIndex}] {m.Field}: expected {m.Expected ?? "null"}, got {m.Actual ?? "null"}");
        }

        Assert.Equal(80, report.Messages);
        Assert.True(report.ClassificationAccuracy >= 0.99, $"classification accuracy {report.ClassificationAccuracy:0.000}");
        Assert.True(report.FieldF1 >= 0.99, $"field F1 {report.FieldF1:0.000}");
        Assert.True(gemini.Requests.Count < report.Messages, "the pre-filter saves some calls");
        Assert.All(gemini.Answered, r => Assert.True(r.HasSchema));
    }

    [Fact]
    public async Task Eval_OpenAiReaderAnsweringFromExpectedFiles_ScoresAboutOne()
    {
        await using var openAi = new OpenAiStandIn { Answer = CorpusAnswers.FromDirectory(RepoPaths.DevCorpus) };
        await openAi.StartAsync();

        var report = await EvalCommand.EvaluateAsync(RepoPaths.DevCorpus, "openai", Settings("OpenAI", openAi.ApiBase, null));

        output.WriteLine($"openai stand-in: classification {report.ClassificationAccuracy:0.000}, field F1 {report.FieldF1:0.000}");
        Assert.Equal(80, report.Messages);
        Assert.True(report.ClassificationAccuracy >= 0.99, $"classification accuracy {report.ClassificationAccuracy:0.000}");
        Assert.True(report.FieldF1 >= 0.99, $"field F1 {report.FieldF1:0.000}");
    }

    private static IConfiguration Settings(string section, Uri baseUrl, string? key) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{section}:BaseUrl"] = baseUrl.AbsoluteUri,
            [$"{section}:ApiKey"] = key,
            [$"{section}:RequestsPerMinute"] = "100000",
        })
        .Build();
}
