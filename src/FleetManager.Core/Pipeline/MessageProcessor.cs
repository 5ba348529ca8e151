using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// Raw message → parsed email → reader result → geocoded stops. Every failure that belongs to the
/// message (malformed, too large, refused by the reader) ends as a quarantined result with its
/// reason; anything else (cancellation, a geocoder outage) propagates to the caller.
/// </summary>
public sealed class MessageProcessor(IEmailParser parser, IOrderReader reader, IGeocoder? geocoder)
{
    public async ValueTask<ProcessedMessage> ProcessAsync(RawMessage raw, CancellationToken cancellationToken)
    {
        Email email;
        try
        {
            email = parser.Parse(raw);
        }
        catch (MessageQuarantinedException ex)
        {
            return Quarantine(raw, null, ex.Message);
        }

        var ledgerKey = LedgerKeyOf(raw);
        EmailResult result;
        try
        {
            result = await reader.ReadAsync(email, cancellationToken).ConfigureAwait(false);
        }
        catch (MessageQuarantinedException ex)
        {
            return new ProcessedMessage(raw, ledgerKey, email, EmailResult.Quarantined(email.MessageId, ex.Message));
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
