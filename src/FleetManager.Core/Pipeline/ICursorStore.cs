namespace FleetManager.Core.Pipeline;

/// <summary>Each source's cursor (Gmail historyId, IMAP UIDVALIDITY:UID), kept in the order book's store.</summary>
/// <remarks>Asynchronous because the store may be a database across the network (PostgreSQL): a poll waiting for it holds no thread.</remarks>
public interface ICursorStore
{
    /// <summary>The cursor last saved for <paramref name="source"/>; null when none was saved.</summary>
    ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken);

    /// <summary>Saves (or replaces) <paramref name="source"/>'s cursor.</summary>
    ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken);
}
