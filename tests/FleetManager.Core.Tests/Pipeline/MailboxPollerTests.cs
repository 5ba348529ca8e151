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
    public async Task PollAsync_ReadFailsMidway_StoresNoCursorBeyondTheCommittedMessages()
    {
        var book = new MemoryOrderBook();
        var cursors = new MemoryCursorStore();
        var failing = new FailingMailbox();

        await Assert.ThrowsAsync<HttpRequestException>(() => Poller(book, cursors).PollAsync(failing, null, CancellationToken.None));

        Assert.Null(cursors.GetCursor(failing.Name));
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
