using MailKit;

namespace FleetManager.Mail.Imap;

/// <summary>
/// What one poll reads, decided before any body is downloaded: the new messages of the folder
/// <paramref name="UidValidity"/> in UID order with their announced sizes, and the UID the cursor moves to once
/// they are all committed. Pure (no connection), so the chunking is tested without a server.
/// </summary>
/// <param name="UidValidity">The folder's UIDVALIDITY when the plan was made.</param>
/// <param name="Messages">The messages to hand on, oldest first; a size is null when the server did not say.</param>
/// <param name="HighestUid">The cursor's UID after this read: the last message's, or the stored one when nothing is new.</param>
internal sealed record ImapFetchPlan(uint UidValidity, IReadOnlyList<(UniqueId Uid, long? Size)> Messages, uint HighestUid)
{
    /// <summary>The plan for <paramref name="found"/> (in any order) after the cursor's UID <paramref name="after"/>.</summary>
    public static ImapFetchPlan Create(uint uidValidity, IEnumerable<UniqueId> found, IReadOnlyDictionary<uint, long?> sizes, uint after)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(sizes);
        var uids = found.OrderBy(u => u.Id).ToList();
        var highest = uids.Count > 0 ? Math.Max(after, uids[^1].Id) : after;
        return new ImapFetchPlan(uidValidity, uids.Select(u => (u, sizes.GetValueOrDefault(u.Id))).ToList(), highest);
    }

    /// <summary>
    /// Splits the plan into chunks of at most <see cref="ImapFetchLimits.BatchSize"/> messages to
    /// download and about <see cref="ImapFetchLimits.BatchBytes"/> bytes (a single larger message is
    /// a chunk of its own). A message over <see cref="ImapFetchLimits.MaxMessageBytes"/> is never
    /// downloaded, so it counts for neither; it rides along in the chunk where it falls, keeping UID order.
    /// </summary>
    public IEnumerable<List<(UniqueId Uid, long? Size)>> Chunks(ImapFetchLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var chunk = new List<(UniqueId Uid, long? Size)>();
        var count = 0;
        long bytes = 0;
        foreach (var message in Messages)
        {
            var downloaded = !limits.IsTooLarge(message.Size);

            // A message of unknown size weighs the whole budget: it is downloaded on its own.
            var weight = downloaded ? message.Size ?? limits.BatchBytes : 0;
            if (downloaded && count > 0 && (count == limits.BatchSize || weight > limits.BatchBytes - bytes))
            {
                yield return chunk;
                chunk = [];
                count = 0;
                bytes = 0;
            }

            chunk.Add(message);
            count += downloaded ? 1 : 0;
            bytes += weight;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
