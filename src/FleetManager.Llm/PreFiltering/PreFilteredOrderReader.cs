using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace FleetManager.Llm.PreFiltering;

/// <summary>
/// Puts <see cref="NotAnOrderPreFilter"/> in front of a model reader: a certain non-order is answered
/// <c>other</c> at once (its usage records the saved call); everything else goes to the model.
/// </summary>
public sealed partial class PreFilteredOrderReader(IOrderReader inner, ILogger<PreFilteredOrderReader> logger) : IOrderReader
{
    private static readonly ModelUsage Saved = new(0, 0, 0, CallsSaved: 1);

    public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (NotAnOrderPreFilter.Decide(email) is { } reason)
        {
            LogSkipped(logger, email.MessageId, reason);
            return ValueTask.FromResult(new EmailResult { MessageId = email.MessageId, Classification = Classification.Other, Usage = Saved });
        }

        return inner.ReadAsync(email, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pre-filter: {MessageId} is not an order ({Reason}); no model call")]
    private static partial void LogSkipped(ILogger logger, string messageId, string reason);
}
