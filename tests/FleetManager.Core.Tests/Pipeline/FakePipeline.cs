using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Core.Tests.Pipeline;

/// <summary>Small fakes of the pipeline's ports for testing the plumbing without MIME or rules.</summary>
internal static class FakePipeline
{
    public static RawMessage Message(string id, string body = "hello") =>
        new("mem:" + id, System.Text.Encoding.UTF8.GetBytes($"Message-ID: <{id}@test>\nSubject: {body}\n\n{body}\n"));

    /// <summary>Takes the subject as the whole message; "bad" in it makes the message unreadable.</summary>
    public sealed class SubjectParser : IEmailParser
    {
        public Email Parse(RawMessage message)
        {
            var text = System.Text.Encoding.UTF8.GetString(message.Bytes.Span);
            if (text.Contains("bad", StringComparison.Ordinal))
            {
                throw new MessageQuarantinedException("bad message");
            }

            var id = MessageIdentity.FindMessageIdHeader(message.Bytes.Span);
            return new Email { MessageId = id ?? MessageIdentity.Synthetic(message.Bytes.Span), Subject = text, Body = text };
        }
    }

    /// <summary>Every message with "order" in it is an order with one order; "boom" throws; "slow" blocks.</summary>
    public sealed class KeywordReader(ManualResetEventSlim? release = null) : IOrderReader
    {
        public ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken)
        {
            if (email.Body.Contains("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("reader bug");
            }

            if (email.Body.Contains("slow", StringComparison.Ordinal))
            {
                release?.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            }

            var isOrder = email.Body.Contains("order", StringComparison.Ordinal);
            return ValueTask.FromResult(new EmailResult
            {
                MessageId = email.MessageId,
                Classification = isOrder ? Classification.Order : Classification.Other,
                Orders = isOrder ? [new TransportOrder { Stops = [new Stop { Type = StopType.Loading, City = "Berlin" }] }] : [],
            });
        }
    }

    public sealed class ListSource(params RawMessage[] messages) : IMailSource
    {
        public string Name => "list";

        public async IAsyncEnumerable<RawMessage> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var message in messages)
            {
                await Task.Yield();
                yield return message;
            }
        }
    }

    public sealed class MemoryOrderBook : IOrderBook
    {
        public ValueTask<bool> ContainsAsync(string ledgerKey, CancellationToken cancellationToken) => ValueTask.FromResult(Contains(ledgerKey));

        public ValueTask<bool> IsQuarantinedAsync(string ledgerKey, CancellationToken cancellationToken) => ValueTask.FromResult(IsQuarantined(ledgerKey));

        public ValueTask<bool> CommitAsync(ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Commit(message, processedAt));

        public ValueTask<IReadOnlyList<bool>> CommitBatchAsync(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommitBatch(messages, processedAt));

        public List<ProcessedMessage> Committed { get; } = [];

        /// <summary>The orders committed when each catch-up of the orders list was asked for.</summary>
        public List<int> CatchUps { get; } = [];

        /// <summary>"Lists" every committed order not yet listed, reporting each one.</summary>
        public ValueTask<int> CatchUpOrderListAsync(IProgress<int>? progress, CancellationToken cancellationToken)
        {
            lock (Committed)
            {
                var orders = Committed.Sum(m => m.Result.Orders.Count);
                var listed = CatchUps.Count == 0 ? 0 : CatchUps[^1];
                for (var i = listed + 1; i <= orders; i++)
                {
                    progress?.Report(i - listed);
                }

                CatchUps.Add(orders);
                return ValueTask.FromResult(orders - listed);
            }
        }

        public bool Contains(string ledgerKey)
        {
            lock (Committed)
            {
                return Committed.Any(m => m.LedgerKey == ledgerKey);
            }
        }

        public bool IsQuarantined(string ledgerKey)
        {
            lock (Committed)
            {
                return Committed.Any(m => m.LedgerKey == ledgerKey && m.IsQuarantined);
            }
        }

        public bool Commit(ProcessedMessage message, DateTimeOffset processedAt)
        {
            lock (Committed)
            {
                if (Committed.Any(m => m.LedgerKey == message.LedgerKey))
                {
                    return false;
                }

                Committed.Add(message);
                return true;
            }
        }

        public IReadOnlyList<bool> CommitBatch(IReadOnlyList<ProcessedMessage> messages, DateTimeOffset processedAt) =>
            messages.Select(m => Commit(m, processedAt)).ToList();
    }

    public sealed class MemoryCursorStore : ICursorStore
    {
        public Dictionary<string, string> Cursors { get; } = [];

        public List<string> Saved { get; } = [];

        public string? GetCursor(string source) => Cursors.GetValueOrDefault(source);

        public void SaveCursor(string source, string cursor, DateTimeOffset savedAt)
        {
            Cursors[source] = cursor;
            Saved.Add(cursor);
        }

        public ValueTask<string?> GetCursorAsync(string source, CancellationToken cancellationToken) => ValueTask.FromResult(GetCursor(source));

        public ValueTask SaveCursorAsync(string source, string cursor, DateTimeOffset savedAt, CancellationToken cancellationToken)
        {
            SaveCursor(source, cursor, savedAt);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A mailbox whose messages are numbered; the cursor is the last number read.</summary>
    public sealed class NumberedMailbox(IReadOnlyList<RawMessage> messages, bool perMessageCursor) : IMailbox
    {
        public string Name => "mem:numbered";

        public List<(string SourceKey, MailboxOutcome Outcome)> Acknowledged { get; } = [];

        public string? CursorAfterRead { get; private set; }

        public async IAsyncEnumerable<RawMessage> ReadNewAsync(string? cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var start = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = start; i < messages.Count; i++)
            {
                await Task.Yield();
                var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                yield return perMessageCursor ? messages[i] with { Cursor = number } : messages[i];
            }

            CursorAfterRead = perMessageCursor ? null : messages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public ValueTask AcknowledgeAsync(RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken)
        {
            Acknowledged.Add((message.SourceKey, outcome));
            return ValueTask.CompletedTask;
        }
    }
}
