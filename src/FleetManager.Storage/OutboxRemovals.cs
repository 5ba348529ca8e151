using FleetManager.Core.Pipeline;

namespace FleetManager.Storage;

/// <summary>The outbox side of a replacement, shared by both back-ends: which keys disappear, and the change column's text.</summary>
internal static class OutboxRemovals
{
    /// <summary>The payload of a <see cref="OutboxChange.Delete"/> entry: the key says everything.</summary>
    public const string Payload = "{}";

    /// <summary>
    /// The order keys of the old result that the new one no longer has: indexes past the new count, or every old
    /// key when the message's id changed (a message first quarantined under a synthetic id).
    /// </summary>
    public static IEnumerable<string> Keys(string oldMessageId, int oldCount, string newMessageId, int newCount)
    {
        var first = oldMessageId == newMessageId ? newCount : 0;
        for (var index = first; index < oldCount; index++)
        {
            yield return OutboxOrderKey.Of(oldMessageId, index);
        }
    }

    public static OutboxChange ParseChange(string text) => text switch
    {
        "upsert" => OutboxChange.Upsert,
        "delete" => OutboxChange.Delete,
        _ => OutboxChange.Insert,
    };
}
