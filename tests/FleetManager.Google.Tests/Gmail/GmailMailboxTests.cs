using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Google.Tests.Support;

namespace FleetManager.Google.Tests.Gmail;

public sealed class GmailMailboxTests
{
    private static readonly string[] NewestThreeKeys = ["mid:<order-5@nord.example>", "mid:<order-6@nord.example>", "mid:<order-7@nord.example>"];

    [Fact]
    public async Task PollAsync_FirstRun_ReadsRecentInboxOldestFirstAndStoresProfileHistoryId()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Gmail.PageSize = 2; // forces messages.list paging
        host.Gmail.Deliver(TestMessages.Order(99), host.Time.GetUtcNow().AddDays(-30)); // outside Gmail:Since (7 days)
        var ids = host.Deliver(1, 5);
        host.Gmail.Deliver(TestMessages.Order(98), host.Time.GetUtcNow().AddHours(-1), "SENT"); // own outgoing mail
        var baseline = host.Gmail.CurrentHistoryId;

        var summary = await host.PollAsync();

        Assert.Equal(5, summary.MessagesRead);
        Assert.Equal(5, host.Book.Ledger.Count);
        var gets = host.Gmail.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.Contains("/messages/", StringComparison.Ordinal))
            .Select(r => r.PathAndQuery.Split("/messages/")[1].Split('?')[0]).ToList();
        Assert.Equal(ids, gets);
        Assert.Equal(3, host.Gmail.CountCalls("GET", "messages?"));
        Assert.Equal(baseline.ToString(System.Globalization.CultureInfo.InvariantCulture), host.Cursors.GetCursor("gmail:me"));
        Assert.Contains(host.Gmail.Requests, r => r.PathAndQuery.Contains("after%3A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollAsync_FirstRunOverMaxFullSync_ReadsOnlyTheNewestMessages()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Settings["Gmail:MaxFullSync"] = "3";
        var ids = host.Deliver(1, 7);

        var summary = await host.PollAsync();

        Assert.Equal(3, summary.MessagesRead);
        Assert.Equal(NewestThreeKeys, host.Book.Ledger.Keys.Order());
        Assert.Equal(3, host.Gmail.CountCalls("GET", "messages/"));
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task PollAsync_LaterRun_ReadsOnlyNewMessagesFromHistoryAndAdvancesCursor()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 2);
        await host.PollAsync();
        host.Gmail.PageSize = 2; // forces history paging
        var fresh = host.Deliver(3, 5);
        host.Gmail.Requests.Clear();
        var historyIdWhenRead = host.Gmail.CurrentHistoryId; // labelling afterwards moves it on, as in Gmail

        var summary = await host.PollAsync();

        Assert.Equal(5, summary.MessagesRead);
        Assert.Equal(7, host.Book.Ledger.Count);
        Assert.Equal(0, host.Gmail.CountCalls("GET", "messages?"));
        Assert.Equal(0, host.Gmail.CountCalls("GET", "profile"));
        Assert.Equal(3, host.Gmail.CountCalls("GET", "history"));
        Assert.Equal(fresh, host.Gmail.Requests.Where(r => r.PathAndQuery.Contains("format=raw", StringComparison.Ordinal))
            .Select(r => r.PathAndQuery.Split("/messages/")[1].Split('?')[0]));
        Assert.Equal(historyIdWhenRead.ToString(System.Globalization.CultureInfo.InvariantCulture), host.Cursors.GetCursor("gmail:me"));
        Assert.All(host.Gmail.Requests.Where(r => r.PathAndQuery.Contains("/history", StringComparison.Ordinal)),
            r => Assert.Contains("historyTypes=messageAdded&labelId=INBOX", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollAsync_NoNewMail_CostsTwoQuotaUnits()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 3);
        await host.PollAsync();
        var historyIdNow = host.Gmail.CurrentHistoryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Quota.Reset();
        host.Gmail.Requests.Clear();

        var summary = await host.PollAsync();

        Assert.Equal(0, summary.MessagesRead);
        Assert.Equal(2, host.Quota.Units);
        Assert.Single(host.Gmail.Requests);
        Assert.Equal(historyIdNow, host.Cursors.GetCursor("gmail:me"));
    }

    [Fact]
    public async Task PollAsync_HistoryIdTooOld_FallsBackToBoundedFullSyncAndStoresEachMessageOnce()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 3);
        await host.PollAsync();
        host.Deliver(4, 1);
        host.Gmail.OldestHistoryId = host.Gmail.CurrentHistoryId; // the stored id has expired
        var baseline = host.Gmail.CurrentHistoryId;

        var summary = await host.PollAsync();

        Assert.Equal(1, host.Gmail.CountCalls("GET", "history"));
        Assert.Equal(2, host.Gmail.CountCalls("GET", "profile")); // the first run's and the fallback's baseline
        Assert.Equal(4, summary.MessagesRead);
        Assert.Equal(3, summary.SkippedAlreadyProcessed);
        Assert.Equal(4, host.Book.Ledger.Count);
        Assert.All(host.Book.CommitCounts.Values, n => Assert.Equal(1, n));
        Assert.Equal(baseline.ToString(System.Globalization.CultureInfo.InvariantCulture), host.Cursors.GetCursor("gmail:me"));
    }

    [Fact]
    public async Task PollAsync_MessageDeletedAfterListing_IsSkipped()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 1);
        await host.PollAsync();
        var ids = host.Deliver(2, 2);
        host.Gmail.Delete(ids[0]);

        var summary = await host.PollAsync();

        Assert.Equal(1, summary.MessagesRead);
        Assert.True(host.Book.Contains("mid:<order-3@nord.example>"));
    }

    [Fact]
    public async Task PollAsync_Committed_LabelsThePollsMessagesProcessedWithOneBatchModifyAndKeepsUnread()
    {
        await using var host = await GmailTestHost.StartAsync();
        var ids = host.Deliver(1, 3);

        await host.PollAsync();

        Assert.All(ids, id => Assert.Equal(new HashSet<string> { "INBOX", "UNREAD", "FleetManager/Processed" }, host.Gmail.LabelNamesOf(id)));
        Assert.Equal(1, host.Gmail.CountCalls("GET", "labels"));
        Assert.Equal(1, host.Gmail.CountCalls("POST", "labels"));
        Assert.Equal(1, host.Gmail.CountCalls("POST", "messages/batchModify"));
        Assert.Equal(1, host.Gmail.CountCalls("POST", "messages/"));
    }

    [Fact]
    public async Task PollAsync_MarkRead_RemovesUnread()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Settings["Gmail:MarkRead"] = "true";
        var ids = host.Deliver(1, 2);

        await host.PollAsync();

        Assert.All(ids, id => Assert.DoesNotContain("UNREAD", host.Gmail.LabelNamesOf(id)));
    }

    [Fact]
    public async Task PollAsync_UnreadableMessage_IsLabelledQuarantined()
    {
        await using var host = await GmailTestHost.StartAsync();
        var empty = host.Gmail.Deliver([], host.Time.GetUtcNow().AddHours(-1));

        var summary = await host.PollAsync();

        Assert.Equal(1, summary.Quarantined);
        Assert.Contains("FleetManager/Quarantined", host.Gmail.LabelNamesOf(empty));
    }

    [Fact]
    public async Task PollAsync_CrashBeforeCommit_LabelsNothingAndKeepsNoCursor()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Deliver(1, 3);
        host.Book.FailCommits = true;

        await Assert.ThrowsAnyAsync<Exception>(() => host.PollAsync());

        Assert.Equal(0, host.Gmail.CountCalls("POST", "messages/"));
        Assert.Null(host.Cursors.GetCursor("gmail:me"));
    }

    [Fact]
    public async Task AcknowledgeAsync_AlreadyCommitted_AddsProcessedLabel()
    {
        await using var host = await GmailTestHost.StartAsync();
        var id = host.Gmail.Deliver(TestMessages.Order(1), host.Time.GetUtcNow());
        var mailbox = host.CreateMailbox();

        await mailbox.AcknowledgeAsync(new RawMessage("gmail:" + id, TestMessages.Order(1)), MailboxOutcome.AlreadyCommitted, CancellationToken.None);

        Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id));
    }

    [Fact]
    public async Task AcknowledgeAsync_AlreadyQuarantined_AddsQuarantinedLabelNotProcessed()
    {
        await using var host = await GmailTestHost.StartAsync();
        var id = host.Gmail.Deliver(TestMessages.Order(1), host.Time.GetUtcNow());
        var mailbox = host.CreateMailbox();

        await mailbox.AcknowledgeAsync(new RawMessage("gmail:" + id, TestMessages.Order(1)), MailboxOutcome.AlreadyQuarantined, CancellationToken.None);

        Assert.Contains("FleetManager/Quarantined", host.Gmail.LabelNamesOf(id));
        Assert.DoesNotContain("FleetManager/Processed", host.Gmail.LabelNamesOf(id));
    }

    [Fact]
    public async Task AcknowledgeAsync_LabelCreatedMeanwhile_ReusesItAfterConflict()
    {
        await using var host = await GmailTestHost.StartAsync();
        var first = host.Gmail.Deliver(TestMessages.Order(1), host.Time.GetUtcNow());
        var second = host.Gmail.Deliver(TestMessages.Order(2), host.Time.GetUtcNow());
        var mailbox = host.CreateMailbox();
        await mailbox.AcknowledgeAsync(new RawMessage("gmail:" + first, TestMessages.Order(1)), MailboxOutcome.Processed, CancellationToken.None);
        var otherInstances = host.Gmail.CreateLabel("FleetManager/Quarantined");

        await mailbox.AcknowledgeAsync(new RawMessage("gmail:" + second, TestMessages.Order(2)), MailboxOutcome.Quarantined, CancellationToken.None);

        Assert.Contains("FleetManager/Quarantined", host.Gmail.LabelNamesOf(second));
        Assert.Contains(host.Gmail.Requests, r => r.Method == "POST" && r.PathAndQuery.EndsWith("/labels", StringComparison.Ordinal) && r.Body.Contains("Quarantined", StringComparison.Ordinal));
        Assert.Equal(2, host.Gmail.CountCalls("GET", "labels"));
        Assert.NotEmpty(otherInstances);
    }

    [Fact]
    public async Task PollAsync_ProcessedAndQuarantinedInOneBatch_OneBatchModifyPerLabelWithEveryId()
    {
        await using var host = await GmailTestHost.StartAsync();
        host.Settings["Gmail:MarkRead"] = "true";
        var ids = host.Deliver(1, 3);
        var empty = host.Gmail.Deliver([], host.Time.GetUtcNow().AddMinutes(-1));

        await host.PollAsync();

        var batches = host.Gmail.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/messages/batchModify", StringComparison.Ordinal))
            .Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(
            ids.Append(empty).Order(StringComparer.Ordinal),
            batches.SelectMany(b => b["ids"]!.AsArray().Select(i => i!.GetValue<string>())).Order(StringComparer.Ordinal));
        Assert.All(batches, b => Assert.Equal("UNREAD", b["removeLabelIds"]![0]!.GetValue<string>()));
        Assert.All(ids, id => Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id)));
        Assert.Contains("FleetManager/Quarantined", host.Gmail.LabelNamesOf(empty));
        Assert.DoesNotContain("UNREAD", host.Gmail.LabelNamesOf(empty));
        Assert.Equal(0, host.Gmail.CountCalls("POST", "messages/" + empty + "/modify"));
    }

    [Fact]
    public async Task AcknowledgeBatchAsync_BeforeTheFlush_LabelsNothingSoACrashLeavesThemForTheNextPoll()
    {
        await using var host = await GmailTestHost.StartAsync();
        var id = host.Gmail.Deliver(TestMessages.Order(1), host.Time.GetUtcNow());
        var mailbox = host.CreateMailbox();

        await mailbox.AcknowledgeBatchAsync([new CommittedMessage(new RawMessage("gmail:" + id, TestMessages.Order(1)), MailboxOutcome.Processed)], CancellationToken.None);

        Assert.DoesNotContain("FleetManager/Processed", host.Gmail.LabelNamesOf(id));
        await mailbox.FlushAcknowledgementsAsync(CancellationToken.None);
        Assert.Contains("FleetManager/Processed", host.Gmail.LabelNamesOf(id));
        await mailbox.FlushAcknowledgementsAsync(CancellationToken.None);
        Assert.Equal(1, host.Gmail.CountCalls("POST", "messages/batchModify"));
    }
}
