using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Prompting;
using FleetManager.Llm.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm.Gemini;

/// <summary>
/// Reads a message with Gemini: one <c>models/{model}:generateContent</c> call per message that
/// classifies and extracts at once under a <c>responseSchema</c>; PDFs and images inline. A blocked
/// prompt, a SAFETY/RECITATION/... stop or a MAX_TOKENS stop with no text quarantines the message
/// with the reason. The HttpClient is typed (base address, key header, rate limit and retries
/// configured once in <see cref="LlmServiceCollectionExtensions.AddLlmReaders"/>).
/// </summary>
public sealed class GeminiOrderReader(HttpClient http, IOptions<GeminiOptions> options, TimeProvider clock, ILogger<GeminiOrderReader> logger)
    : ModelOrderReader(new OrderPromptBuilder(options.Value.MaxInlineAttachmentBytes), clock, logger)
{
    /// <summary>Environment variables that set the key, for error messages.</summary>
    public const string KeyHint = "GEMINI_API_KEY (or FLEETMANAGER__GEMINI__APIKEY)";

    private readonly GeminiOptions _options = options.Value;

    protected override string Provider => "Gemini";

    protected override async Task<ModelTurn> AskAsync(OrderPrompt prompt, ModelRepairRequest? repair, CancellationToken cancellationToken)
    {
        var path = $"{_options.ApiVersion}/models/{Uri.EscapeDataString(_options.Model)}:generateContent";
        using var content = JsonContent.Create(BuildRequest(prompt, repair, _options), GeminiJsonContext.Default.GeminiGenerateContentRequest);
        var answer = await SendAsync(http, path, content, GeminiJsonContext.Default.GeminiGenerateContentResponse, _options.Model, KeyHint, cancellationToken).ConfigureAwait(false);
        return ToTurn(answer);
    }

    internal static GeminiGenerateContentRequest BuildRequest(OrderPrompt prompt, ModelRepairRequest? repair, GeminiOptions options)
    {
        var parts = new List<GeminiPart>();
        // Files first: Gemini reads a PDF best when it comes before the text.
        foreach (var file in prompt.Files)
        {
            parts.Add(new GeminiPart { InlineData = new GeminiBlob(file.MimeType, Convert.ToBase64String(file.Content.Span)) });
        }

        parts.Add(new GeminiPart { Text = prompt.Text });
        var contents = new List<GeminiContent> { new("user", parts) };
        if (repair is not null)
        {
            contents.Add(new GeminiContent("model", [new GeminiPart { Text = repair.InvalidAnswer }]));
            contents.Add(new GeminiContent("user", [new GeminiPart { Text = repair.Instruction }]));
        }

        var thinking = options.ThinkingBudget is null && options.ThinkingLevel is null ? null : new GeminiThinkingConfig(options.ThinkingBudget, options.ThinkingLevel);
        return new GeminiGenerateContentRequest(
            new GeminiContent(null, [new GeminiPart { Text = prompt.Instructions }]),
            contents,
            new GeminiGenerationConfig
            {
                ResponseSchema = OrderAnswerSchema.Answer.ToGeminiSchema(),
                MaxOutputTokens = options.MaxOutputTokens,
                ThinkingConfig = thinking,
            });
    }

    internal static ModelTurn ToTurn(GeminiGenerateContentResponse answer)
    {
        var metadata = answer.UsageMetadata;
        var usage = new ModelUsage(1, metadata?.PromptTokenCount ?? 0, (metadata?.CandidatesTokenCount ?? 0) + (metadata?.ThoughtsTokenCount ?? 0));
        var candidate = answer.Candidates?.FirstOrDefault();
        if (candidate is null)
        {
            var reason = answer.PromptFeedback?.BlockReason;
            throw new MessageQuarantinedException(reason is null
                ? "Gemini returned no answer candidate"
                : $"Gemini blocked the prompt (promptFeedback.blockReason {reason})") { Usage = usage };
        }

        var text = new StringBuilder();
        foreach (var part in candidate.Content?.Parts ?? [])
        {
            if (part.Thought != true && part.Text is not null)
            {
                text.Append(part.Text);
            }
        }

        switch (candidate.FinishReason)
        {
            case null or "STOP" or "FINISH_REASON_UNSPECIFIED":
                return new ModelTurn(text.ToString(), usage);
            case "MAX_TOKENS" when text.Length == 0:
                throw new MessageQuarantinedException("Gemini reached the output token limit (finishReason MAX_TOKENS) before answering; raise Gemini:MaxOutputTokens or lower thinking") { Usage = usage };
            case "MAX_TOKENS":
                return new ModelTurn(text.ToString(), usage, Truncated: true);
            default:
                // SAFETY, RECITATION, LANGUAGE, BLOCKLIST, PROHIBITED_CONTENT, SPII, OTHER and reasons added later.
                throw new MessageQuarantinedException($"Gemini stopped the answer (finishReason {candidate.FinishReason})") { Usage = usage };
        }
    }
}
