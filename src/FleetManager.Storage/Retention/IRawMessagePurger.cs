namespace FleetManager.Storage.Retention;

/// <summary>Deletes stored raw messages by age, keeping ledger rows and orders (<see cref="IOrderStore.PurgeRawMessages"/>).</summary>
public interface IRawMessagePurger
{
    /// <summary>Deletes the raw bytes of every message processed before <paramref name="processedBefore"/>; returns how many.</summary>
    long PurgeRawMessages(DateTimeOffset processedBefore);
}
