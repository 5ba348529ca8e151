namespace FleetManager.StandIns.Models;

/// <summary>
/// How a model stand-in answers one request. <see cref="FinishReason"/> uses Gemini's vocabulary
/// (STOP, MAX_TOKENS, SAFETY, RECITATION...); the OpenAI stand-in maps it (stop, length, content_filter).
/// </summary>
public sealed record ModelAnswer
{
    /// <summary>The answer text (normally JSON); null gives a candidate without parts.</summary>
    public string? Text { get; init; }

    public string FinishReason { get; init; } = "STOP";

    /// <summary>Gemini: the prompt is blocked (no candidates, <c>promptFeedback.blockReason</c>).</summary>
    public string? BlockReason { get; init; }

    /// <summary>OpenAI: <c>message.refusal</c> (content null).</summary>
    public string? Refusal { get; init; }

    public int PromptTokens { get; init; } = 800;

    public int OutputTokens { get; init; } = 120;

    public int ThoughtTokens { get; init; }

    public static ModelAnswer Json(string json) => new() { Text = json };

    public static ModelAnswer Other { get; } = Json("""{"classification":"other","orders":[]}""");
}
