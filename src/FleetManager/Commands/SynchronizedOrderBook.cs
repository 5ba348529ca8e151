using FleetManager.Core.Pipeline;
using FleetManager.Storage;

namespace FleetManager.Commands;

/// <summary>
/// The import checks the ledger from its reading thread while it commits from another; one SQLite
/// connection must not be used by two threads at once, so both go through one lock.
/// </summary>
internal sealed class SynchronizedOrderBook(SqliteOrderBook book) : IOrderBook
{
    private readonly Lock _gate = new();

    public bool Contains(string ledgerKey)
    {
        lock (_gate)
        {
            return book.Contains(ledgerKey);
        }
    }

    public bool Commit(ProcessedMessage message, DateTimeOffset processedAt)
    {
        var email = message.Email;
        var stored = new StoredMessage(
            message.LedgerKey,
            message.Raw.SourceKey,
            message.Result.MessageId,
            email?.Subject,
            email?.From is { } from ? (string.IsNullOrEmpty(from.Name) ? from.Address : $"{from.Name} <{from.Address}>") : null,
            email?.Date,
            message.Raw.Bytes,
            processedAt);
        lock (_gate)
        {
            return book.Commit(stored, message.Result);
        }
    }
}
