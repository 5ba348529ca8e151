using FleetManager.Core.Pipeline;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace FleetManager.Mail.Imap;

/// <summary>
/// The wait between polls (<see cref="INotifyingMailbox"/>): IMAP IDLE on the session's connection when
/// <see cref="ImapOptions.UseIdle"/> and the server offers it, renewed every <see cref="ImapOptions.IdleRefresh"/>,
/// ending as soon as the server announces a new message; else a plain delay. It remembers what the last
/// read saw, because mail that arrived between that read and the IDLE command is never announced.
/// </summary>
internal sealed class ImapIdleWaiter(ImapOptions options, ImapSession session, TimeProvider time, ILogger logger)
{
    // What the last read saw: a wait for new mail first checks that nothing arrived since.
    private uint _lastValidity;
    private uint _lastUid;

    /// <summary>Records the folder's UIDVALIDITY and the highest UID the last read planned.</summary>
    public void Saw(uint uidValidity, uint highestUid)
    {
        _lastValidity = uidValidity;
        _lastUid = highestUid;
    }

    /// <summary>
    /// Waits until new mail may have arrived (true) or <paramref name="maxWait"/> has passed (false).
    /// </summary>
    /// <exception cref="ImapUnavailableException">The connection broke: poll again later.</exception>
    public async Task<bool> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait <= TimeSpan.Zero)
        {
            return false;
        }

        if (options.UseIdle)
        {
            var idled = await session.RunAsync((client, folder, ct) => IdleAsync(client, folder, maxWait, ct), cancellationToken).ConfigureAwait(false);
            if (idled is { } arrived)
            {
                return arrived;
            }

            ImapLog.NoIdle(logger, session.Name, maxWait);
        }

        await Task.Delay(maxWait, time, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>IDLE until a new message is announced (true) or the wait is over (false); null when the server has no IDLE.</summary>
    private async Task<bool?> IdleAsync(ImapClient client, IMailFolder folder, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            return null;
        }

        var deadline = time.GetUtcNow() + maxWait;
        var count = folder.Count;
        var arrived = false;
        using var done = new CancellationTokenSource();
        void OnCountChanged(object? sender, EventArgs e)
        {
            // EXISTS grows for a new message; an expunge (our own move) only lowers the count.
            if (folder.Count > count)
            {
                arrived = true;
                done.Cancel();
            }

            count = folder.Count;
        }

        // Listening before the catch-up below: the server announces a message that arrives during the search only at
        // the end of that command (the search ran on the view before it) and never again in IDLE.
        folder.CountChanged += OnCountChanged;
        try
        {
            // Anything that arrived between the last read and now would not be announced again in IDLE;
            // NOOP brings the session's view up to date first. The search's own announcement is not enough: tried
            // without the NOOP, a message delivered just after the last read was once announced only in IDLE, 5 s later
            // (ImapMailboxTests' MailArrivedSinceTheLastRead, which now also asserts that no IDLE was sent).
            await client.NoOpAsync(cancellationToken).ConfigureAwait(false);
            if (folder.UidValidity != _lastValidity)
            {
                return true;
            }

            var since = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(folder.UidValidity, Math.Min(_lastUid, uint.MaxValue - 1) + 1, uint.MaxValue)), cancellationToken).ConfigureAwait(false);
            if (arrived || since.Any(u => u.Id > _lastUid))
            {
                return true;
            }

            while (!arrived)
            {
                var remaining = deadline - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    return false;
                }

                // One IDLE lasts at most IdleRefresh: servers drop an IDLE older than 30 minutes.
                using var round = new CancellationTokenSource(remaining < options.IdleRefresh ? remaining : options.IdleRefresh, time);
                using var roundOrArrival = CancellationTokenSource.CreateLinkedTokenSource(round.Token, done.Token);
                await client.IdleAsync(roundOrArrival.Token, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }
}
