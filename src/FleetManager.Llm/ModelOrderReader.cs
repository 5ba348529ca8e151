using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Prompting;
using FleetManager.Llm.Schema;
using Microsoft.Extensions.Logging;

namespace FleetManager.Llm;

/// <summary>
/// What both model readers do around their API call: one call per message for classification and
/// extraction, the answer validated against <see cref="OrderAnswerSchema"/> and normalised by the
/// rules engine's normalisers, one repair call when the answer is invalid, the usage of every call
/// added up. A refusal or block is thrown by <see cref="AskAsync"/> as a
/// <see cref="MessageQuarantinedException"/>; this class adds the usage spent before it.
/// </summary>
public abstract partial class ModelOrderReader(OrderPromptBuilder prompts, TimeProvider timeProvider, ILogger logger) : IOrderReader
{
    /// <summary>The clock (retry hints, quota resets, year inference without a Date header).</summary>
    protected TimeProvider Clock { get; } = timeProvider;

    /// <summary>The provider's name in quarantine reasons ("Gemini").</summary>
    protected abstract string Provider { get; }

    /// <summary>Sends one request; <paramref name="repair"/> is set for the second call.</summary>
    protected abstract Task<ModelTurn> AskAsync(OrderPrompt prompt, ModelRepairRequest? repair, CancellationToken cancellationToken);

    public async ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var prompt = prompts.Build(email);
        var usage = ModelUsage.None;
        ModelRepairRequest? repair = null;
        string problem = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            ModelTurn turn;
            try
            {
                turn = await AskAsync(prompt, repair, cancellationToken).ConfigureAwait(false);
            }
            catch (MessageQuarantinedException ex)
            {
                throw new MessageQuarantinedException(ex.Message, ex) { Usage = usage + (ex.Usage ?? ModelUsage.None) };
            }

            usage += turn.Usage;
            var answer = Parse(turn, out problem);
            if (answer is { } valid)
            {
                var result = ModelAnswerNormaliser.Normalise(valid, email, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
                LogRead(logger, Provider, email.MessageId, result.Classification, result.Orders.Count, usage.Calls, usage.InputTokens, usage.OutputTokens);
                return result with { Usage = usage };
            }

            LogInvalidAnswer(logger, Provider, email.MessageId, attempt + 1, problem);
            repair = new ModelRepairRequest(turn.Text, problem);
        }

        throw new MessageQuarantinedException($"{Provider} gave no valid answer after one repair request: {problem}") { Usage = usage };
    }

    /// <summary>
    /// POSTs one request and reads the answer. A transport fault, an error status and a body cut short
    /// become <see cref="ModelHttpFailure"/>'s exceptions, sorted by what the caller does next (retry
    /// later, stop the reader with the fix in <paramref name="keyHint"/>): never the message's fault.
    /// </summary>
    protected async Task<TResponse> SendAsync<TResponse>(
        HttpClient http, string path, HttpContent content, JsonTypeInfo<TResponse> responseType, string model, string keyHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ModelHttpFailure.FromException(ex, Provider);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ModelHttpFailure.FromResponseAsync(response, Provider, model, keyHint, Clock, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("empty response body");
            }
            catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
            {
                // A response cut short in transit: the service's fault, not the message's.
                throw ModelHttpFailure.FromException(ex, Provider);
            }
        }
    }

    /// <summary>The answer as a validated JSON element, or null with the problem in words.</summary>
    internal static JsonElement? Parse(ModelTurn turn, out string problem)
    {
        var text = StripCodeFence(turn.Text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var problems = AnswerValidator.Validate(document.RootElement, OrderAnswerSchema.Answer);
            if (problems.Count == 0)
            {
                // Valid in shape, yet possibly out of bounds (1e30 kg, a thousand orders): invalid too, so it is repaired or quarantined.
                problems = ModelAnswerNormaliser.Problems(document.RootElement);
            }

            if (problems.Count == 0)
            {
                problem = "";
                return document.RootElement.Clone();
            }

            problem = string.Join("; ", problems);
            return null;
        }
        catch (JsonException ex)
        {
            problem = turn.Truncated
                ? "the answer was cut off at the output token limit (invalid JSON)"
                : $"the answer is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})";
            return null;
        }
    }

    /// <summary>Some servers wrap JSON in a Markdown fence even when asked for JSON only.</summary>
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end].Trim() : trimmed;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider} read {MessageId}: {Classification}, {Orders} orders, {Calls} calls, {InputTokens} input / {OutputTokens} output tokens")]
    private static partial void LogRead(ILogger logger, string provider, string messageId, Classification? classification, int orders, int calls, long inputTokens, long outputTokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} answer {Attempt} for {MessageId} is invalid: {Problem}")]
    private static partial void LogInvalidAnswer(ILogger logger, string provider, string messageId, int attempt, string problem);
}
