namespace FleetManager.Core.Pipeline;

/// <summary>
/// Where a failed push is remembered against the outbox rows it tried (schema 8), so that rows that keep failing
/// show on the dashboard's review queue with their last error. A separate port from <see cref="IOutbox"/>: a sink
/// only reads and marks rows; the service's pusher records what went wrong.
/// </summary>
public interface IOutboxFailureLog
{
    /// <summary>
    /// Adds one failed attempt to each undelivered row of <paramref name="sink"/> among <paramref name="ids"/>, with
    /// <paramref name="error"/> (already redacted: it is stored and shown as it is) and <paramref name="attemptedAt"/>.
    /// </summary>
    ValueTask RecordFailedPushAsync(string sink, IReadOnlyCollection<long> ids, string error, DateTimeOffset attemptedAt, CancellationToken cancellationToken);
}
