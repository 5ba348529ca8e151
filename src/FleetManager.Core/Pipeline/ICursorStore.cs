namespace FleetManager.Core.Pipeline;

/// <summary>Each source's cursor (Gmail historyId, IMAP UIDVALIDITY:UID), kept in the order book's store.</summary>
public interface ICursorStore
{
    string? GetCursor(string source);

    void SaveCursor(string source, string cursor, DateTimeOffset savedAt);
}
