namespace FleetManager.Core.Pipeline;

/// <summary>
/// A mailbox that can tell when new mail arrives (IMAP IDLE): the service waits on it between
/// polls instead of sleeping for the whole interval, and polls at once when it answers true.
/// </summary>
public interface INotifyingMailbox : IMailbox
{
    /// <summary>Waits at most <paramref name="maxWait"/>; true when new mail arrived (poll now), false on timeout.</summary>
    Task<bool> WaitForNewMailAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
