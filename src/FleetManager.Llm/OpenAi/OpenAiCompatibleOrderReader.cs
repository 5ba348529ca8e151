using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Prompting;
using FleetManager.Llm.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm.OpenAi;

/// <summary>
/// Reads a message with any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio): one
/// <c>chat/completions</c> call per message with <c>response_format: json_schema</c> (strict) built from
/// the same <see cref="OrderAnswerSchema"/> as Gemini's. A refusal or a content filter stop
/// quarantines the message; a <c>length</c> stop counts as a cut-off answer (repaired once).
/// </summary>
public sealed class OpenAiCompatibleOrderReader(HttpClient http, IOptions<OpenAiOptions> options, TimeProvider clock, ILogger<OpenAiCompatibleOrderReader> logger)
    : ModelOrderReader(new OrderPromptBuilder(options.Value.SendFiles ? options.Value.MaxInlineAttachmentBytes : 0), clock, logger)
{
    public const string KeyHint = "FLEETMANAGER__OPENAI__APIKEY";

    private readonly OpenAiOptions _options = options.Value;

    protected override string Provider => "OpenAI";

    protected override async Task<ModelTurn> AskAsync(OrderPrompt prompt, ModelRepairRequest? repair, CancellationToken cancellationToken)
    {
        using var content = new StringContent(BuildRequest(prompt, repair, _options).ToJsonString(), Encoding.UTF8, "application/json");
        var answer = await SendAsync(http, "chat/completions", content, OpenAiJsonContext.Default.OpenAiChatCompletion, _options.Model, KeyHint, cancellationToken).ConfigureAwait(false);
        return ToTurn(answer);
    }

    internal static JsonObject BuildRequest(OrderPrompt prompt, ModelRepairRequest? repair, OpenAiOptions options)
    {
        var parts = new JsonArray { (JsonNode)new JsonObject { ["type"] = "text", ["text"] = prompt.Text } };
        foreach (var file in prompt.Files)
        {
            var dataUrl = $"data:{file.MimeType};base64,{Convert.ToBase64String(file.Content.Span)}";
            parts.Add((JsonNode)(file.MimeType.StartsWith("image/", StringComparison.Ordinal)
                ? new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = dataUrl } }
                : new JsonObject { ["type"] = "file", ["file"] = new JsonObject { ["filename"] = file.FileName, ["file_data"] = dataUrl } }));
        }

        var messages = new JsonArray
        {
            (JsonNode)new JsonObject { ["role"] = "system", ["content"] = prompt.Instructions },
            // Plain text when there are no files: some local servers take only string content.
            (JsonNode)new JsonObject { ["role"] = "user", ["content"] = prompt.Files.Count == 0 ? prompt.Text : parts },
        };
        if (repair is not null)
        {
            messages.Add((JsonNode)new JsonObject { ["role"] = "assistant", ["content"] = repair.InvalidAnswer });
            messages.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = repair.Instruction });
        }

        var request = new JsonObject
        {
            ["model"] = options.Model,
            ["messages"] = messages,
            ["stream"] = false,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject
                {
                    ["name"] = "email_result",
                    ["strict"] = true,
                    ["schema"] = OrderAnswerSchema.Answer.ToOpenAiSchema(),
                },
            },
        };
        if (options.MaxOutputTokens is { } max)
        {
            request["max_completion_tokens"] = max;
        }

        return request;
    }

    internal static ModelTurn ToTurn(OpenAiChatCompletion answer)
    {
        var usage = new ModelUsage(1, answer.Usage?.PromptTokens ?? 0, answer.Usage?.CompletionTokens ?? 0);
        var choice = answer.Choices?.FirstOrDefault() ?? throw new MessageQuarantinedException("OpenAI returned no choice") { Usage = usage };
        if (choice.Message?.Refusal is { Length: > 0 } refusal)
        {
            throw new MessageQuarantinedException("OpenAI refused: " + Shorten(refusal)) { Usage = usage };
        }

        if (choice.FinishReason == "content_filter")
        {
            throw new MessageQuarantinedException("OpenAI stopped the answer (finish_reason content_filter)") { Usage = usage };
        }

        var text = choice.Message?.Content ?? "";
        if (choice.FinishReason == "length" && text.Length == 0)
        {
            throw new MessageQuarantinedException("OpenAI reached the output token limit (finish_reason length) before answering; raise OpenAI:MaxOutputTokens") { Usage = usage };
        }

        return new ModelTurn(text, usage, Truncated: choice.FinishReason == "length");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
