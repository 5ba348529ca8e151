namespace FleetManager.Storage.Retention;

/// <summary>Deletes stored raw messages by age, keeping ledger rows and orders (part of <see cref="IOrderStore"/>).</summary>
public interface IRawMessagePurger
{
    /// <summary>Deletes the raw bytes of every message processed before <paramref name="processedBefore"/>; returns how many.</summary>
    ValueTask<long> PurgeRawMessagesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken);
}
