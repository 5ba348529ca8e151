namespace FleetManager.StandIns.Gmail;

/// <summary>A message in the Gmail stand-in's mailbox.</summary>
public sealed class GmailStandInMessage(string id, byte[] raw, DateTimeOffset internalDate, ulong historyId, IEnumerable<string> labelIds)
{
    public string Id { get; } = id;

    public byte[] Raw { get; } = raw;

    public DateTimeOffset InternalDate { get; } = internalDate;

    public ulong HistoryId { get; } = historyId;

    public HashSet<string> LabelIds { get; } = new(labelIds, StringComparer.Ordinal);

    public bool Deleted { get; set; }
}
