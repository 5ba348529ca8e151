using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Storage;
using FleetManager.Storage.Retention;

namespace FleetManager.Commands;

/// <summary>
/// The pipeline's ports over one <see cref="IOrderStore"/>, safe to call from several threads: the
/// import checks the ledger from its reading thread while it commits from another, and the service
/// polls, delivers the outbox and renews leases beside each other. One SQLite connection must not be
/// used by two threads at once, so every call but the ledger look-up goes through one lock.
/// </summary>
internal sealed class SynchronizedOrderBook(IOrderStore book) : IOrderBook, ICursorStore, ILeaseStore, IOutbox, IGeocodeCache, IRawMessagePurger
{
    private readonly Lock _gate = new();

    // Not under the lock: the store answers this one beside a commit (IOrderStore.Contains), and the
    // import's reading thread must not wait for the committer's transaction to end.
    public bool Contains(string ledgerKey) => book.Contains(ledgerKey);

    public bool IsQuarantined(string ledgerKey)
    {
        lock (_gate)
        {
            return book.GetLedgerEntry(ledgerKey)?.Status == LedgerStatus.Quarantined;
        }
    }

    public bool Commit(ProcessedMessage message, DateTimeOffset processedAt)
    {
        var stored = ToStored(message, processedAt);
        lock (_gate)
        {
            return book.Commit(stored, message.Result);
        }
    }

    public IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt)
    {
        var batch = messages.Select(m => (ToStored(m, processedAt), m.Result)).ToList();
        lock (_gate)
        {
            return book.CommitBatch(batch);
        }
    }

    public string? GetCursor(string source)
    {
        lock (_gate)
        {
            return book.GetCursor(source);
        }
    }

    public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
    {
        lock (_gate)
        {
            book.SaveCursor(source, cursor, savedAt);
        }
    }

    public bool TryAcquire(string resource, string holder, TimeSpan duration, DateTimeOffset now)
    {
        lock (_gate)
        {
            return book.TryAcquire(resource, holder, duration, now);
        }
    }

    public void Release(string resource, string holder)
    {
        lock (_gate)
        {
            book.Release(resource, holder);
        }
    }

    public IReadOnlyList<OutboxEntry> Pending(string sink, int max)
    {
        lock (_gate)
        {
            return book.Pending(sink, max);
        }
    }

    public void MarkDelivered(string sink, IReadOnlyCollection<long> ids, DateTimeOffset deliveredAt)
    {
        lock (_gate)
        {
            book.MarkDelivered(sink, ids, deliveredAt);
        }
    }

    public long Depth(string sink)
    {
        lock (_gate)
        {
            return book.Depth(sink);
        }
    }

    public bool TryGet(string provider, string query, out GeoPoint? point)
    {
        lock (_gate)
        {
            return book.TryGet(provider, query, out point);
        }
    }

    public void Put(string provider, string query, GeoPoint? point, DateTimeOffset at)
    {
        lock (_gate)
        {
            book.Put(provider, query, point, at);
        }
    }

    public long PurgeRawMessages(DateTimeOffset processedBefore)
    {
        lock (_gate)
        {
            return book.PurgeRawMessages(processedBefore);
        }
    }

    private static StoredMessage ToStored(ProcessedMessage message, DateTimeOffset processedAt)
    {
        var email = message.Email;
        return new StoredMessage(
            message.LedgerKey,
            message.Raw.SourceKey,
            message.Result.MessageId,
            email?.Subject,
            email?.From is { } from ? (string.IsNullOrEmpty(from.Name) ? from.Address : $"{from.Name} <{from.Address}>") : null,
            email?.Date,
            message.Raw.Bytes,
            processedAt);
    }
}
