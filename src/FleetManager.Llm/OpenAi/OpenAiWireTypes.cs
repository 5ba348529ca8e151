using System.Text.Json.Serialization;

namespace FleetManager.Llm.OpenAi;

// The chat/completions response, as far as the reader uses it (google-apis.md §4). The request is
// built as a JsonObject, since message content is a string or an array of parts.

internal sealed record OpenAiMessage(string? Content, string? Refusal);

internal sealed record OpenAiChoice(OpenAiMessage? Message, string? FinishReason);

internal sealed record OpenAiUsage(long PromptTokens, long CompletionTokens, long TotalTokens);

internal sealed record OpenAiChatCompletion(List<OpenAiChoice>? Choices, OpenAiUsage? Usage, string? Model);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OpenAiChatCompletion))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;
