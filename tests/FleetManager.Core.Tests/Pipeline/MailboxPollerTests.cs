using FleetManager.Core.Pipeline;
using Xunit;
using static FleetManager.Core.Tests.Pipeline.FakePipeline;

namespace FleetManager.Core.Tests.Pipeline;

public sealed class MailboxPollerTests
{
    private static MailboxPoller Poller(IOrderBook book, ICursorStore cursors) =>
        new(new MessageProcessor(new SubjectParser(), new KeywordReader(), null), book, cursors, TimeProvider.System) { MaxBatch = 4 };

    [Fact]
    public async Task PollAsync_PerMessageCursors_AcknowledgesEveryMessageAndStoresTheLastCursor()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var mailbox = new NumberedMailbox([Message("a", "order"), Message("b", "bad"), Message("c")], perMessageCursor: true);

        var summary = await Poller(book, cursors).PollAsync(mailbox, null, CancellationToken.None);

        Assert.Equal(3, summary.MessagesRead);
        Assert.Equal("3", cursors.GetCursor(mailbox.Name));
        Assert.Equal([MailboxOutcome.Processed, MailboxOutcome.Quarantined, MailboxOutcome.Processed], mailbox.Acknowledged.Select(a => a.Outcome));
    }

    [Fact]
    public async Task PollAsync_SecondPoll_ReadsOnlyWhatFollowsTheCursor()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var messages = Enumerable.Range(0, 10).Select(i => Message($"m{i}", "order")).ToList();

        await Poller(book, cursors).PollAsync(new NumberedMailbox(messages.Take(6).ToList(), perMessageCursor: true), null, CancellationToken.None);
        var second = new NumberedMailbox(messages, perMessageCursor: true);
        var summary = await Poller(book, cursors).PollAsync(second, null, CancellationToken.None);

        Assert.Equal(4, summary.MessagesRead);
        Assert.Equal(10, book.Committed.Count);
        Assert.Equal("10", cursors.GetCursor(second.Name));
    }

    [Fact]
    public async Task PollAsync_CursorLostAfterCommit_ReReadMessagesAreAcknowledgedAsAlreadyCommitted()
    {
        var book = new MemoryOrderBook();
        var messages = new[] { Message("a", "order"), Message("b") };
        await Poller(book, new MemoryCursorStore()).PollAsync(new NumberedMailbox(messages, perMessageCursor: false), null, CancellationToken.None);

        // A crash between the commit and the cursor's save: the next poll starts from no cursor.
        var again = new NumberedMailbox(messages, perMessageCursor: false);
        var cursors = new MemoryCursorStore();
        var summary = await Poller(book, cursors).PollAsync(again, null, CancellationToken.None);

        Assert.Equal(2, summary.SkippedAlreadyProcessed);
        Assert.Equal(2, book.Committed.Count);
        Assert.All(again.Acknowledged, a => Assert.Equal(MailboxOutcome.AlreadyCommitted, a.Outcome));
        Assert.Equal("2", cursors.GetCursor(again.Name));
    }

    [Fact]
    public async Task PollAsync_QuarantinedMessageReRead_IsAcknowledgedAsQuarantinedAgain()
    {
        var book = new MemoryOrderBook();
        var messages = new[] { Message("a", "order"), Message("b", "bad") };
        await Poller(book, new MemoryCursorStore()).PollAsync(new NumberedMailbox(messages, perMessageCursor: false), null, CancellationToken.None);

        // The cursor was never stored (the first run stopped later on): the next poll reads both again.
        var again = new NumberedMailbox(messages, perMessageCursor: false);
        await Poller(book, new MemoryCursorStore()).PollAsync(again, null, CancellationToken.None);

        Assert.Equal([MailboxOutcome.AlreadyCommitted, MailboxOutcome.AlreadyQuarantined], again.Acknowledged.Select(a => a.Outcome));
    }

    [Fact]
    public async Task PollAsync_ReadFailsMidway_StoresNoCursorBeyondTheCommittedMessages()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var failing = new FailingMailbox();

        await Assert.ThrowsAsync<HttpRequestException>(() => Poller(book, cursors).PollAsync(failing, null, CancellationToken.None));

        Assert.Null(cursors.GetCursor(failing.Name));
    }

    [Fact]
    public async Task PollAsync_ReaderUnavailableAfterTheMailboxWasReadToItsEnd_KeepsTheCursorBeforeTheUncommittedMessages()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var mailbox = new SignallingMailbox([Message("a", "order"), Message("b", "unavailable"), Message("c", "order")]);
        var poller = new MailboxPoller(new MessageProcessor(new SubjectParser(), new UnavailableAfterReadReader(mailbox.ReadToEnd), null), book, cursors, TimeProvider.System);

        var summary = await poller.PollAsync(mailbox, null, CancellationToken.None);

        Assert.NotNull(summary.StoppedBy);
        Assert.Equal("3", mailbox.CursorAfterRead); // the mailbox had offered its end cursor ...
        Assert.Null(cursors.GetCursor(mailbox.Name)); // ... which must not be stored: b and c are not committed
        Assert.Equal(["mem:a"], book.Committed.Select(c => c.Raw.SourceKey));
    }

    /// <summary>Yields its messages, then offers the end cursor and signals that it has.</summary>
    [Fact]
    public async Task PollAsync_MaxInFlightTwo_NeverReadsMoreThanTwoMessagesAtOnce()
    {
        var reader = new ConcurrencyCountingReader();
        var poller = new MailboxPoller(new MessageProcessor(new SubjectParser(), reader, null), new MemoryOrderBook(), new MemoryCursorStore(), TimeProvider.System)
        {
            MaxInFlight = 2,
        };
        var messages = Enumerable.Range(0, 12).Select(i => Message($"m{i}", "order")).ToList();

        var summary = await poller.PollAsync(new NumberedMailbox(messages, perMessageCursor: true), null, CancellationToken.None);

        Assert.Equal(12, summary.MessagesRead);
        // Exactly two: a poller reading one message at a time fails here as surely as one reading three.
        Assert.Equal(2, reader.MostAtOnce);
    }

    /// <summary>A slow (model-like) reader that records how many reads overlapped.</summary>
    private sealed class ConcurrencyCountingReader : IOrderReader
    {
        private int _now;
        private int _most;

        public int MostAtOnce => Volatile.Read(ref _most);

        public async ValueTask<FleetManager.Core.Model.EmailResult> ReadAsync(FleetManager.Core.Model.Email email, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _now);
            int seen;
            while (now > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, seen) != seen)
            {
            }

            // Stay in flight until a second read has overlapped this one (once), so a serial poller is caught
            // rather than timed: it never overlaps, and the wait ends after its bound with MostAtOnce still 1.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref _most) < 2 && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(5, cancellationToken);
            }

            Interlocked.Decrement(ref _now);
            return new FleetManager.Core.Model.EmailResult { MessageId = email.MessageId, Classification = FleetManager.Core.Model.Classification.Other };
        }
    }

    [Fact]
    public async Task PollAsync_BatchAcknowledgingMailbox_GetsEachCommittedBatchInOneCallInReadOrder()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var mailbox = new BatchAcknowledgingMailbox(Enumerable.Range(1, 10).Select(i => Message($"m{i}", i == 5 ? "bad" : "order")).ToList());

        await Poller(book, cursors).PollAsync(mailbox, null, CancellationToken.None);

        Assert.Equal(0, mailbox.SingleAcknowledgements);
        Assert.All(mailbox.Batches, batch => Assert.InRange(batch.Count, 1, 4));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), mailbox.Batches.SelectMany(b => b.Select(m => m.Raw.Cursor)));
        Assert.Equal(MailboxOutcome.Quarantined, mailbox.Batches.SelectMany(b => b).Single(m => m.Raw.Cursor == "5").Outcome);
        Assert.Equal("10", cursors.GetCursor(mailbox.Name));
    }

    private sealed class BatchAcknowledgingMailbox(IReadOnlyList<FleetManager.Core.Model.RawMessage> messages) : IMailbox
    {
        public string Name => "mem:batch";

        public string? CursorAfterRead => null;

        public List<IReadOnlyList<CommittedMessage>> Batches { get; } = [];

        public int SingleAcknowledgements { get; private set; }

        public async IAsyncEnumerable<FleetManager.Core.Model.RawMessage> ReadNewAsync(string? cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                await Task.Yield();
                yield return messages[i] with { Cursor = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        public ValueTask AcknowledgeAsync(FleetManager.Core.Model.RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken)
        {
            SingleAcknowledgements++;
            return ValueTask.CompletedTask;
        }

        public ValueTask AcknowledgeBatchAsync(IReadOnlyList<CommittedMessage> committed, CancellationToken cancellationToken)
        {
            Batches.Add(committed.ToList());
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SignallingMailbox(IReadOnlyList<FleetManager.Core.Model.RawMessage> messages) : IMailbox
    {
        public ManualResetEventSlim ReadToEnd { get; } = new();

        public string Name => "mem:signalling";

        public string? CursorAfterRead { get; private set; }

        public async IAsyncEnumerable<FleetManager.Core.Model.RawMessage> ReadNewAsync(string? cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var message in messages)
            {
                await Task.Yield();
                yield return message;
            }

            CursorAfterRead = messages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ReadToEnd.Set();
        }

        public ValueTask AcknowledgeAsync(FleetManager.Core.Model.RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Reads like <see cref="KeywordReader"/>, but "unavailable" (once the mailbox is read to its end) stops the source.</summary>
    private sealed class UnavailableAfterReadReader(ManualResetEventSlim readToEnd) : IOrderReader
    {
        private readonly KeywordReader _inner = new();

        public ValueTask<FleetManager.Core.Model.EmailResult> ReadAsync(FleetManager.Core.Model.Email email, CancellationToken cancellationToken)
        {
            if (email.Body.Contains("unavailable", StringComparison.Ordinal))
            {
                readToEnd.Wait(TimeSpan.FromSeconds(30), cancellationToken);
                throw new ReaderUnavailableException("model unavailable after the retries", "run again later");
            }

            return _inner.ReadAsync(email, cancellationToken);
        }
    }

    private sealed class FailingMailbox : IMailbox
    {
        public string Name => "mem:failing";

        public string? CursorAfterRead => "999";

        public async IAsyncEnumerable<FleetManager.Core.Model.RawMessage> ReadNewAsync(string? cursor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return Message("x", "order");
            throw new HttpRequestException("connection reset");
        }

        public ValueTask AcknowledgeAsync(FleetManager.Core.Model.RawMessage message, MailboxOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
