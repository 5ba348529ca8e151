namespace FleetManager.Core.Pipeline;

/// <summary>
/// One order waiting for a sink (Google Sheets): written in the same transaction as the order, so a
/// sink outage delays rows and never loses them. <see cref="OrderKey"/> (message id + order index) is
/// the idempotency key the sink writes with the row.
/// </summary>
/// <param name="Id">Increasing id within the store; delivery goes in this order.</param>
/// <param name="Sink">The sink's name (<c>sheets</c>).</param>
/// <param name="OrderKey">Stable key: <c>MESSAGE_ID#ORDER_INDEX</c>.</param>
/// <param name="PayloadJson">The order as <c>orders export --format json</c> writes one element (the spec's Order plus id and message_id).</param>
public sealed record OutboxEntry(long Id, string Sink, string OrderKey, string PayloadJson)
{
    /// <summary>
    /// What the sink does with the row: <see cref="OutboxChange.Insert"/> for a commit, <see cref="OutboxChange.Upsert"/>
    /// or <see cref="OutboxChange.Delete"/> when <c>fleetmanager reprocess</c> replaced the message's orders (the
    /// payload of a deletion is <c>{}</c>).
    /// </summary>
    public OutboxChange Change { get; init; } = OutboxChange.Insert;
}
