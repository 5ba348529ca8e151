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
        var processed = await ProcessWithinTimeAsync(raw, cancellationToken).ConfigureAwait(false);

        // The reason is stored in the ledger and printed: an adapter's error text may quote a secret.
        return processed.Result.Error is { } error && Redact is { } redact && redact(error) is var clean && !ReferenceEquals(clean, error)
            ? processed with { Result = processed.Result with { Error = clean } }
            : processed;
    }

    /// <summary>
    /// Applied to every quarantine reason before it leaves the processor (the ledger, the summary, logs):
    /// the application sets it to its secret redactor, so an upstream error that echoes a key never lands
    /// in the order book.
    /// </summary>
    public Func<string, string>? Redact { get; init; }

    private async Task<ProcessedMessage> ProcessWithinTimeAsync(RawMessage raw, CancellationToken cancellationToken)
    {
        // The time limit cancels the work itself (the parser and extractors check the token as they go), so
        // a message past its time stops using memory and CPU instead of running on unobserved.
        using var deadline = new CancellationTokenSource(MessageTimeout, timeProvider ?? TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var work = Task.Run(() => ProcessAsync(raw, linked.Token).AsTask(), linked.Token);
        try
        {
            return await work.WaitAsync(MessageTimeout, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            await deadline.CancelAsync().ConfigureAwait(false);
            Observe(work);
            return Quarantine(raw, null, $"reading took longer than {MessageTimeout.TotalSeconds:0} s (the limit MessageTimeout) and was stopped");
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

    /// <summary>
    /// The cancelled work ends on its own at its next check of the token; its failure (the cancellation just
    /// requested) is observed here so it is not reported as unobserved. Not awaited: code that ignores the
    /// token must not hold the import.
    /// </summary>
    private static void Observe(Task work) =>
        work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>The reader this processor reads with (a caller that forces a classification wraps it).</summary>
    public IOrderReader Reader => reader;

    /// <summary>
    /// The same parser, geocoder, time limit and redaction with another reader: the dashboard's "reclassify"
    /// reads one message again with <see cref="ClassificationForcingReader"/> around <see cref="Reader"/>.
    /// </summary>
    public MessageProcessor WithReader(IOrderReader other) =>
        new(parser, other, geocoder, timeProvider) { MessageTimeout = MessageTimeout, Redact = Redact };

    public async ValueTask<ProcessedMessage> ProcessAsync(RawMessage raw, CancellationToken cancellationToken)
    {
        Email email;
        try
        {
            email = parser.Parse(raw, cancellationToken);
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
