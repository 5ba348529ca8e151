namespace FleetManager.Storage;

/// <summary>One undelivered outbox row whose pushes failed (<see cref="IOrderStore.SelectFailingOutbox"/>).</summary>
/// <param name="Id">The outbox row's id.</param>
/// <param name="Sink">The sink (<c>sheets</c>).</param>
/// <param name="OrderKey">The order's key in the sink (<see cref="OutboxOrderKey"/>).</param>
/// <param name="OrderId">The order the row was written for; null for a removal, or when reprocessing replaced the order.</param>
/// <param name="Reference">The order's reference number when the order is still in the book.</param>
/// <param name="Attempts">Failed pushes since the row was written or last retried.</param>
/// <param name="LastError">Why the last push failed (redacted when it was recorded).</param>
/// <param name="LastAttemptAt">When the last push failed.</param>
public sealed record FailingOutboxRow(
    long Id, string Sink, string OrderKey, long? OrderId, string? Reference, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt);
