using FleetManager.Mail.Imap;
using MailKit;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>The read's plan and its chunks, without a server: which messages go into which <c>UID FETCH</c>.</summary>
public sealed class ImapFetchPlanTests
{
    private const uint Validity = 7;

    [Fact]
    public void Create_UidsOutOfOrder_OrdersThemAndMovesTheCursorToTheHighest()
    {
        var plan = ImapFetchPlan.Create(Validity, [Uid(12), Uid(10), Uid(11)], new Dictionary<uint, long?> { [10] = 100, [12] = 300 }, after: 9);

        Assert.Equal([10u, 11u, 12u], plan.Messages.Select(m => m.Uid.Id));
        Assert.Equal([100L, null, 300L], plan.Messages.Select(m => m.Size));
        Assert.Equal(12u, plan.HighestUid);
        Assert.Equal(Validity, plan.UidValidity);
    }

    [Fact]
    public void Create_NothingNew_KeepsTheStoredUid()
    {
        var plan = ImapFetchPlan.Create(Validity, [], new Dictionary<uint, long?>(), after: 41);

        Assert.Empty(plan.Messages);
        Assert.Equal(41u, plan.HighestUid);
        Assert.Empty(plan.Chunks(Limits(batchSize: 50, batchBytes: 1000, maxMessageBytes: 1000)));
    }

    [Fact]
    public void Chunks_MoreMessagesThanTheBatchSize_SplitsByCount()
    {
        var plan = Plan(Enumerable.Repeat<long?>(10, 7).ToArray());

        var chunks = plan.Chunks(Limits(batchSize: 3, batchBytes: 1_000_000, maxMessageBytes: 1_000_000)).ToList();

        Assert.Equal([3, 3, 1], chunks.Select(c => c.Count));
        Assert.Equal(plan.Messages.Select(m => m.Uid.Id), chunks.SelectMany(c => c).Select(m => m.Uid.Id));
    }

    [Fact]
    public void Chunks_SizesOverTheByteBudget_StartANewChunkBeforeTheMessageThatWouldOverflow()
    {
        var plan = Plan(400, 400, 400, 100);

        var chunks = plan.Chunks(Limits(batchSize: 50, batchBytes: 1000, maxMessageBytes: 10_000)).ToList();

        Assert.Equal([[1u, 2u], [3u, 4u]], chunks.Select(c => c.Select(m => m.Uid.Id).ToArray()));
    }

    [Fact]
    public void Chunks_OneMessageLargerThanTheBudget_IsAChunkOfItsOwn()
    {
        var plan = Plan(100, 5000, 100);

        var chunks = plan.Chunks(Limits(batchSize: 50, batchBytes: 1000, maxMessageBytes: 10_000)).ToList();

        Assert.Equal([[1u], [2u], [3u]], chunks.Select(c => c.Select(m => m.Uid.Id).ToArray()));
    }

    [Fact]
    public void Chunks_UnknownSize_WeighsTheWholeBudgetSoIsDownloadedAlone()
    {
        var plan = Plan(100, null, 100);

        var chunks = plan.Chunks(Limits(batchSize: 50, batchBytes: 1000, maxMessageBytes: 10_000)).ToList();

        Assert.Equal([[1u], [2u], [3u]], chunks.Select(c => c.Select(m => m.Uid.Id).ToArray()));
    }

    [Fact]
    public void Chunks_MessageOverTheLimit_RidesAlongWithoutCountingForSizeOrNumber()
    {
        // Two downloads fit per chunk; the oversized message between them is never downloaded, so it takes no room.
        var plan = Plan(400, 50_000, 400, 400);

        var chunks = plan.Chunks(Limits(batchSize: 2, batchBytes: 1000, maxMessageBytes: 10_000)).ToList();

        Assert.Equal([[1u, 2u, 3u], [4u]], chunks.Select(c => c.Select(m => m.Uid.Id).ToArray()));
    }

    [Fact]
    public void IsTooLarge_ByAnnouncedSize_UnknownSizeIsNotTooLarge()
    {
        var limits = Limits(batchSize: 50, batchBytes: 1000, maxMessageBytes: 2000);

        Assert.True(limits.IsTooLarge(2001));
        Assert.False(limits.IsTooLarge(2000));
        Assert.False(limits.IsTooLarge(null));
    }

    [Fact]
    public void From_Options_TakesTheFetchSettings()
    {
        var limits = ImapFetchLimits.From(new ImapOptions { FetchBatchSize = 9, FetchBatchBytes = 1234, MaxMessageBytes = 5678 });

        Assert.Equal(new ImapFetchLimits(9, 1234, 5678), limits);
    }

    private static ImapFetchLimits Limits(int batchSize, long batchBytes, long maxMessageBytes) => new(batchSize, batchBytes, maxMessageBytes);

    /// <summary>UIDs 1, 2, 3 … with these sizes.</summary>
    private static ImapFetchPlan Plan(params long?[] sizes)
    {
        var bySize = sizes.Select((size, i) => (Uid: (uint)i + 1, Size: size)).ToDictionary(m => m.Uid, m => m.Size);
        return ImapFetchPlan.Create(Validity, bySize.Keys.Select(Uid), bySize, after: 0);
    }

    private static UniqueId Uid(uint id) => new(Validity, id);
}
