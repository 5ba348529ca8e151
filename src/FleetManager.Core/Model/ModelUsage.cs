namespace FleetManager.Core.Model;

/// <summary>
/// What reading messages with a language model cost: calls made, tokens billed, and calls the
/// pre-filter saved. Additive, so a run's total is the sum of its messages' usage.
/// </summary>
/// <param name="Calls">Model requests answered (a repair attempt is a second call; retries of one request are not counted).</param>
/// <param name="InputTokens">Prompt tokens (Gemini <c>promptTokenCount</c>, OpenAI <c>prompt_tokens</c>).</param>
/// <param name="OutputTokens">Answer tokens, thinking included (billed as output).</param>
/// <param name="CallsSaved">Messages the pre-filter decided without a model call.</param>
public sealed record ModelUsage(int Calls, long InputTokens, long OutputTokens, int CallsSaved = 0)
{
    public static ModelUsage None { get; } = new(0, 0, 0);

    public long TotalTokens => InputTokens + OutputTokens;

    public static ModelUsage operator +(ModelUsage left, ModelUsage right) =>
        new(left.Calls + right.Calls, left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens, left.CallsSaved + right.CallsSaved);

    public static ModelUsage Add(ModelUsage left, ModelUsage right) => left + right;
}
