using FleetManager.Core.Pipeline;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace FleetManager.Mail.Imap;

/// <summary>
/// Marks committed messages in the folder (<see cref="ImapOptions.After"/>): a flag or keyword, or a move to
/// another folder (COPY and EXPUNGE where the server lacks MOVE), with one command per target for the
/// whole batch. Called by the poller only after the commit, so a crash before it reads the message again
/// and the ledger skips it.
/// </summary>
internal sealed class ImapAcknowledger(ImapOptions options, ImapSession session, ILogger logger)
{
    /// <summary>
    /// Flags or moves a committed batch with one command per target (one <c>UID STORE</c> per flag, one
    /// <c>UID MOVE</c>, or COPY and EXPUNGE where the server lacks MOVE, per folder) for all its UIDs.
    /// </summary>
    public async ValueTask AcknowledgeAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (options.After == ImapAfterCommit.None)
        {
            return;
        }

        foreach (var (validity, target, uids) in Group(committed))
        {
            await session.RunAsync((client, folder, ct) => ApplyAsync(client, folder, validity, target, uids, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The batch by UIDVALIDITY and target, in the order first met: processed and quarantined messages get
    /// different flags or folders, and a message read before a UIDVALIDITY change must not be confused with
    /// the one its UID names now. A message without an IMAP cursor is not this folder's and is left out.
    /// </summary>
    internal List<(uint UidValidity, string Target, List<uint> Uids)> Group(IReadOnlyList<CommittedMessage> committed)
    {
        var groups = new List<(uint UidValidity, string Target, List<uint> Uids)>();
        foreach (var message in committed)
        {
            if (!ImapCursor.TryParse(message.Raw.Cursor, out var position))
            {
                continue;
            }

            var target = TargetOf(message.Outcome);
            var index = groups.FindIndex(g => g.UidValidity == position.UidValidity && g.Target == target);
            if (index < 0)
            {
                groups.Add((position.UidValidity, target, [position.LastUid]));
            }
            else
            {
                groups[index].Uids.Add(position.LastUid);
            }
        }

        return groups;
    }

    /// <summary>The flag or folder a message with this outcome gets.</summary>
    private string TargetOf(MailboxOutcome outcome)
    {
        var quarantined = outcome is MailboxOutcome.Quarantined or MailboxOutcome.AlreadyQuarantined;
        return options.After == ImapAfterCommit.Flag
            ? quarantined && !string.IsNullOrEmpty(options.QuarantineFlag) ? options.QuarantineFlag : options.Flag
            : quarantined && !string.IsNullOrEmpty(options.QuarantineFolder) ? options.QuarantineFolder : options.MoveTo;
    }

    private async Task<int> ApplyAsync(ImapClient client, IMailFolder folder, uint validity, string target, List<uint> uids, CancellationToken cancellationToken)
    {
        if (folder.UidValidity != validity)
        {
            // The folder was renumbered since the read: these UIDs may now name other messages.
            ImapLog.StaleAcknowledgement(logger, session.Name, uids.Count, validity, folder.UidValidity);
            return 0;
        }

        // A UID set in ascending order goes out in ranges (1:50), however many messages it holds.
        var set = new UniqueIdSet(uids.Select(uid => new UniqueId(validity, uid)), SortOrder.Ascending);
        if (options.After == ImapAfterCommit.Flag)
        {
            _ = ImapFlag.TryParse(target, out var flag); // unparsable: no keyword, so nothing is set
            if (flag.Keyword is { } keyword)
            {
                await folder.AddFlagsAsync(set, MessageFlags.None, [keyword], silent: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await folder.AddFlagsAsync(set, flag.SystemFlag, silent: true, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var destination = await session.TargetFolderAsync(client, target, cancellationToken).ConfigureAwait(false);
            await folder.MoveToAsync(set, destination, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
