using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FleetManager.Llm.Gemini;

// The generateContent request and response, as far as the reader uses them (google-apis.md §3).
// Internal wire types: one file, since they only mean something together.

internal sealed record GeminiContent(string? Role, List<GeminiPart> Parts);

internal sealed record GeminiPart
{
    public string? Text { get; init; }
    public GeminiBlob? InlineData { get; init; }

    /// <summary>True on a thinking model's thought summaries, which are not the answer.</summary>
    public bool? Thought { get; init; }
}

internal sealed record GeminiBlob(string MimeType, string Data);

internal sealed record GeminiThinkingConfig(int? ThinkingBudget, string? ThinkingLevel);

internal sealed record GeminiGenerationConfig
{
    public string ResponseMimeType { get; init; } = "application/json";
    public required JsonObject ResponseSchema { get; init; }
    public int? MaxOutputTokens { get; init; }
    public GeminiThinkingConfig? ThinkingConfig { get; init; }
}

internal sealed record GeminiGenerateContentRequest(GeminiContent SystemInstruction, List<GeminiContent> Contents, GeminiGenerationConfig GenerationConfig);

internal sealed record GeminiCandidate(GeminiContent? Content, string? FinishReason);

internal sealed record GeminiPromptFeedback(string? BlockReason);

internal sealed record GeminiUsageMetadata(long PromptTokenCount, long CandidatesTokenCount, long ThoughtsTokenCount, long TotalTokenCount);

internal sealed record GeminiGenerateContentResponse(List<GeminiCandidate>? Candidates, GeminiPromptFeedback? PromptFeedback, GeminiUsageMetadata? UsageMetadata, string? ModelVersion);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GeminiGenerateContentRequest))]
[JsonSerializable(typeof(GeminiGenerateContentResponse))]
internal sealed partial class GeminiJsonContext : JsonSerializerContext;
