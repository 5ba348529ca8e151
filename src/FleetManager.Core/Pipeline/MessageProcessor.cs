using FleetManager.Core.Errors;
using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// Raw message → parsed email → reader result → geocoded stops. Every failure that belongs to the
/// message (malformed, too large, refused by the reader) ends as a quarantined result with its
/// reason; a failure of the run itself (a setting, a credential, a service down, the store: any
/// <see cref="FleetManagerException"/> other than <see cref="RejectedInputException"/>) and cancellation
/// propagate to the caller, which stops before committing the message so it is read again.
/// </summary>
public sealed class MessageProcessor(IEmailParser parser, IOrderReader reader, IGeocoder? geocoder, TimeProvider? timeProvider = null)
{
    /// <summary>
    /// How long one message may take before it is abandoned and quarantined: no input may hang an
    /// import (a pathological PDF, a regular expression gone quadratic).
    /// </summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <see cref="ProcessAsync"/> that never fails because of the message: a bug in a parser or reader,
    /// or a message that takes longer than <see cref="MessageTimeout"/>, ends as a quarantined result
    /// with the reason, and the caller carries on with the next message. A failure that is not the message's
    /// fault (<see cref="IsRunFailure"/>: a rejected key, a spent quota, a full disk) propagates.
    /// </summary>
    public async Task<ProcessedMessage> ProcessSafelyAsync(RawMessage raw, CancellationToken cancellationToken)
    {
        var work = Task.Run(() => ProcessAsync(raw, cancellationToken).AsTask(), cancellationToken);
        try
        {
            return await work.WaitAsync(MessageTimeout, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Quarantine(raw, null, $"reading took longer than {MessageTimeout.TotalSeconds:0} s and was abandoned");
        }
        catch (RejectedInputException ex)
        {
            return Quarantine(raw, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsRunFailure(ex))
        {
            return Quarantine(raw, null, "internal error while reading: " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>
    /// True for a failure of the run rather than of one message: every category but rejected input
    /// (configuration, credential, unavailable, store). Such a failure must never quarantine the message.
    /// </summary>
    public static bool IsRunFailure(Exception exception) =>
        exception is FleetManagerException { Category: not ErrorCategory.RejectedInput }
        || exception is AggregateException { InnerExceptions: [var only] } && IsRunFailure(only);

    public async ValueTask<ProcessedMessage> ProcessAsync(RawMessage raw, CancellationToken cancellationToken)
    {
        Email email;
        try
        {
            email = parser.Parse(raw);
        }
        catch (RejectedInputException ex)
        {
            return Quarantine(raw, null, ex.Message);
        }

        var ledgerKey = LedgerKeyOf(raw);
        EmailResult result;
        try
        {
            result = await reader.ReadAsync(email, cancellationToken).ConfigureAwait(false);
        }
        catch (RejectedInputException ex)
        {
            return new ProcessedMessage(raw, ledgerKey, email, EmailResult.Quarantined(email.MessageId, ex.Message) with { Usage = (ex as MessageQuarantinedException)?.Usage });
        }

        if (geocoder is not null && result.Orders.Count > 0)
        {
            result = result with { Orders = await GeocodeAsync(result.Orders, cancellationToken).ConfigureAwait(false) };
        }

        return new ProcessedMessage(raw, ledgerKey, email, result);
    }

    /// <summary>
    /// The ledger key of a raw message, computed from its bytes alone (no parse), so an import can skip
    /// a message it already holds before spending any work on it.
    /// </summary>
    public static string LedgerKeyOf(RawMessage raw)
    {
        var header = MessageIdentity.FindMessageIdHeader(raw.Bytes.Span);
        return raw.Bytes.IsEmpty && header is null ? "source:" + raw.SourceKey : MessageIdentity.LedgerKey(header, raw.Bytes.Span);
    }

    /// <summary>A quarantined result for bytes the parser rejected, named by their Message-ID if one can be found.</summary>
    public static ProcessedMessage Quarantine(RawMessage raw, Email? email, string reason)
    {
        var header = email?.HasMessageIdHeader == true ? email.MessageId : MessageIdentity.FindMessageIdHeader(raw.Bytes.Span);
        var messageId = header ?? MessageIdentity.Synthetic(raw.Bytes.Span);
        return new ProcessedMessage(raw, LedgerKeyOf(raw), email, EmailResult.Quarantined(messageId, reason));
    }

    private async ValueTask<IReadOnlyList<TransportOrder>> GeocodeAsync(IReadOnlyList<TransportOrder> orders, CancellationToken cancellationToken)
    {
        var geocoded = new List<TransportOrder>(orders.Count);
        foreach (var order in orders)
        {
            var stops = new List<Stop>(order.Stops.Count);
            foreach (var stop in order.Stops)
            {
                var point = stop.City is null ? null : await geocoder!.GeocodeAsync(stop, cancellationToken).ConfigureAwait(false);
                stops.Add(point is null ? stop : stop with { Latitude = point.Latitude, Longitude = point.Longitude });
            }

            geocoded.Add(order with { Stops = stops });
        }

        return geocoded;
    }
}
