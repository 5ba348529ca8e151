using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;
using MimeKit;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>
/// The pipeline around an IMAP mailbox in the tests: the real MIME parser, a reader that takes the
/// subject as the verdict ("bad" quarantines), and an in-memory order book and cursor store.
/// </summary>
internal static class ImapTestPipeline
{
    public static MailboxPoller Poller(IOrderBook book, ICursorStore cursors, int maxBatch = 64) =>
        new(new MessageProcessor(new MimeEmailParser(), new SubjectReader(), null), book, cursors, TimeProvider.System) { MaxBatch = maxBatch };

    public static MimeMessage Message(string id, string subject = "Transport order")
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = id + "@imap.test",
            Date = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
            Body = new TextPart("plain") { Text = subject + "\nLoading Berlin, unloading Prague.\n" },
        };
        message.From.Add(new MailboxAddress("Anna Nowak", "anna@example.pl"));
        message.To.Add(new MailboxAddress("Dispo", "dispo@example.cz"));
        return message;
    }

    public static List<MimeMessage> Messages(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => Message($"{prefix}-{i}")).ToList();

    /// <summary>Every message is an order; a subject with "bad" in it cannot be read (quarantined).</summary>
    public sealed class SubjectReader : IOrderReader
    {
        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
        {
            if (email.Subject?.Contains("bad", StringComparison.Ordinal) == true)
            {
                throw new MessageQuarantinedException("bad message");
            }

            return ValueTask.FromResult(new EmailResult
            {
                MessageId = email.MessageId,
                Classification = Classification.Order,
                Orders = [new TransportOrder { Stops = [new Stop { Type = StopType.Loading, City = "Berlin" }] }],
            });
        }
    }

    /// <summary>An order book in memory; <see cref="FailFromBatch"/> makes that commit (1-based) and later ones throw, like a crash.</summary>
    public sealed class MemoryOrderBook : IOrderBook
    {
        public ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken) => ValueTask.FromResult(Contains(ledgerKey));

        public ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Commit(message, processedAt));

        public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommitBatch(messages, processedAt));

        private int _batches;

        public List<ProcessedMessage> Committed { get; } = [];

        public int? FailFromBatch { get; set; }

        public IEnumerable<string?> CommittedIds
        {
            get
            {
                lock (Committed)
                {
                    return Committed.Select(m => m.Email?.MessageId.Trim('<', '>')).ToList();
                }
            }
        }

        public bool Contains(string ledgerKey)
        {
            lock (Committed)
            {
                return Committed.Any(m => m.LedgerKey == ledgerKey);
            }
        }

        public bool Commit(ProcessedMessage message, DateTimeOffset processedAt) => CommitBatch([message], processedAt)[0];

        public IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt)
        {
            lock (Committed)
            {
                if (++_batches >= FailFromBatch)
                {
                    throw new InvalidOperationException("the order book is gone (simulated crash)");
                }

                var stored = new List<bool>();
                foreach (var message in messages)
                {
                    var isNew = Committed.All(m => m.LedgerKey != message.LedgerKey);
                    if (isNew)
                    {
                        Committed.Add(message);
                    }

                    stored.Add(isNew);
                }

                return stored;
            }
        }
    }

    public sealed class MemoryCursorStore : ICursorStore
    {
        public Dictionary<string, string> Cursors { get; } = [];

        public string? GetCursor(string source) => Cursors.GetValueOrDefault(source);

        public void SaveCursor(string source, string cursor, DateTimeOffset savedAt) => Cursors[source] = cursor;

        public ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken) => ValueTask.FromResult(GetCursor(source));

        public ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken)
        {
            SaveCursor(source, cursor, savedAt);
            return ValueTask.CompletedTask;
        }
    }
}
