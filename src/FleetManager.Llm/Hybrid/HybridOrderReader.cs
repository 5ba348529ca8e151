using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using Microsoft.Extensions.Logging;

namespace FleetManager.Llm.Hybrid;

/// <summary>
/// <c>--reader hybrid</c>: the rules engine answers; a message goes to the model only when the engine
/// called it an order and is not sure of it — no order found, or an order whose confidence
/// (<see cref="OrderConfidence.Order"/>: its loading and unloading places and their evidence) is below
/// <paramref name="threshold"/>. Everything the engine is sure of costs no call.
/// </summary>
public sealed partial class HybridOrderReader(RulesOrderReader rules, IOrderReader model, double threshold, ILogger<HybridOrderReader> logger) : IOrderReader
{
    private long _messages;
    private long _modelCalls;

    /// <summary>Messages read so far.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Messages sent to the model so far.</summary>
    public long ModelCalls => Interlocked.Read(ref _modelCalls);

    public async ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        Interlocked.Increment(ref _messages);
        var result = rules.Read(email);
        if (WhyUnsure(result, threshold) is not { } reason)
        {
            return result;
        }

        Interlocked.Increment(ref _modelCalls);
        LogEscalated(logger, email.MessageId, reason);
        return await model.ReadAsync(email, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why the rules engine's <paramref name="result"/> needs the model, or null when it can stand.</summary>
    public static string? WhyUnsure(EmailResult result, double threshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Classification != Classification.Order)
        {
            return null;
        }

        if (result.Orders.Count == 0)
        {
            return "an order without any order found";
        }

        foreach (var order in result.Orders)
        {
            if (order.Confidence is not { } confidence || confidence.Order < threshold)
            {
                return order.Confidence?.Reason ?? $"order confidence {order.Confidence?.Order ?? 0:0.00} below {threshold:0.00}";
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hybrid: {MessageId} goes to the model ({Reason})")]
    private static partial void LogEscalated(ILogger logger, string messageId, string reason);
}
