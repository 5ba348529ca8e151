using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Imap;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>How a committed batch is grouped into one command per target, without a server.</summary>
public sealed class ImapAcknowledgerTests
{
    [Fact]
    public async Task Group_ProcessedAndQuarantinedWithFlags_OneGroupPerFlagInFirstSeenOrder()
    {
        var options = Options(ImapAfterCommit.Flag);
        await using var session = Session(options);
        var acknowledger = new ImapAcknowledger(options, session, NullLogger.Instance);

        var groups = acknowledger.Group([
            Committed(7, 1, MailboxOutcome.Processed),
            Committed(7, 2, MailboxOutcome.Quarantined),
            Committed(7, 3, MailboxOutcome.AlreadyCommitted),
            Committed(7, 4, MailboxOutcome.AlreadyQuarantined),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal((7u, options.Flag), (groups[0].UidValidity, groups[0].Target));
        Assert.Equal([1u, 3u], groups[0].Uids);
        Assert.Equal((7u, options.QuarantineFlag!), (groups[1].UidValidity, groups[1].Target));
        Assert.Equal([2u, 4u], groups[1].Uids);
    }

    [Fact]
    public async Task Group_MoveWithoutQuarantineFolder_AllGoToMoveToButSplitByUidValidity()
    {
        var options = Options(ImapAfterCommit.Move);
        options.QuarantineFolder = null;
        await using var session = Session(options);
        var acknowledger = new ImapAcknowledger(options, session, NullLogger.Instance);

        var groups = acknowledger.Group([
            Committed(7, 1, MailboxOutcome.Processed),
            Committed(8, 1, MailboxOutcome.Quarantined),
            Committed(7, 5, MailboxOutcome.Quarantined),
        ]);

        Assert.Equal([(7u, options.MoveTo), (8u, options.MoveTo)], groups.Select(g => (g.UidValidity, g.Target)));
        Assert.Equal([1u, 5u], groups[0].Uids);
        Assert.Equal([1u], groups[1].Uids);
    }

    [Fact]
    public async Task Group_MessageWithoutAnImapCursor_IsLeftOut()
    {
        var options = Options(ImapAfterCommit.Flag);
        await using var session = Session(options);
        var acknowledger = new ImapAcknowledger(options, session, NullLogger.Instance);

        var groups = acknowledger.Group([new CommittedMessage(new RawMessage("folder:a.eml", ReadOnlyMemory<byte>.Empty), MailboxOutcome.Processed)]);

        Assert.Empty(groups);
    }

    private static ImapOptions Options(ImapAfterCommit after) =>
        new() { Host = "imap.example.com", Username = "dispo@example.com", Password = "secret", After = after };

    private static ImapSession Session(ImapOptions options) =>
        new("imap:test", options, NullLogger.Instance, TimeProvider.System, tokens: null, protocolLoggerFactory: () => null);

    private static CommittedMessage Committed(uint validity, uint uid, MailboxOutcome outcome) =>
        new(new RawMessage($"imap:test/{validity}/{uid}", ReadOnlyMemory<byte>.Empty) { Cursor = new ImapCursor(validity, uid).ToString() }, outcome);
}
