namespace FleetManager.Storage.Tests.Contract;

/// <summary>Outbox rows that keep failing (schema 8): recorded per tried row, listed with a limit and a count, retried.</summary>
public abstract partial class OrderStoreContractTests
{
    [Fact]
    public async Task RecordFailedPush_TriedRows_CountsAttemptsKeepsTheLastErrorAndTimeOnThoseRowsOnly()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("fail-1");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "F-1"), SampleOrders.Order(reference: "F-2")), CancellationToken.None);
        var pending = (await store.PendingAsync("sheets", 10, CancellationToken.None));
        var tried = new[] { pending[0].Id };

        await store.RecordFailedPushAsync("sheets", tried, "Sheets answered 503", Now, CancellationToken.None);
        await store.RecordFailedPushAsync("sheets", tried, "Sheets answered 500", Now.AddMinutes(5), CancellationToken.None);

        var failing = await store.SelectFailingOutboxAsync(minAttempts: 1, limit: 10, CancellationToken.None);
        var row = Assert.Single(failing.Rows);
        Assert.Equal(1, failing.Total);
        Assert.Equal(("sheets", pending[0].OrderKey, "F-1", 2, "Sheets answered 500"), (row.Sink, row.OrderKey, row.Reference, row.Attempts, row.LastError));
        Assert.Equal(Now.AddMinutes(5), row.LastAttemptAt);
        Assert.NotNull(row.OrderId);
        Assert.Equal(2, (await store.PendingAsync("sheets", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SelectFailingOutbox_BelowTheThresholdOrDelivered_LeavesThemOutAndCountsBeyondTheLimit()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("fail-2");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "A"), SampleOrders.Order(reference: "B"),
            SampleOrders.Order(reference: "C"), SampleOrders.Order(reference: "D")), CancellationToken.None);
        var ids = (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id).ToList();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordFailedPushAsync("sheets", ids, "quota", Now.AddMinutes(i), CancellationToken.None);
        }

        await store.RecordFailedPushAsync("sheets", [ids[1]], "quota", Now.AddMinutes(9), CancellationToken.None);
        await store.MarkDeliveredAsync("sheets", [ids[3]], Now.AddMinutes(10), CancellationToken.None);
        await store.RecordFailedPushAsync("sheets", [ids[3]], "too late", Now.AddMinutes(11), CancellationToken.None);

        var failing = await store.SelectFailingOutboxAsync(minAttempts: 3, limit: 2, CancellationToken.None);

        Assert.Equal(3, failing.Total);
        Assert.Equal([ids[1], ids[0]], failing.Rows.Select(r => r.Id));
        Assert.Equal([4, 3], failing.Rows.Select(r => r.Attempts));
        Assert.Equal(0, (await store.SelectFailingOutboxAsync(minAttempts: 5, limit: 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task RetryFailingOutbox_FailingRows_ResetsThemSoTheyLeaveTheListAndStayPending()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("fail-3");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order(reference: "R-1"), SampleOrders.Order(reference: "R-2")), CancellationToken.None);
        var ids = (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id).ToList();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordFailedPushAsync("sheets", [ids[0]], "refused", Now, CancellationToken.None);
        }

        await store.RecordFailedPushAsync("sheets", [ids[1]], "refused", Now, CancellationToken.None);

        Assert.Equal(1, await store.RetryFailingOutboxAsync(3, CancellationToken.None));

        Assert.Equal(0, (await store.SelectFailingOutboxAsync(3, 10, CancellationToken.None)).Total);
        Assert.Equal(ids, (await store.PendingAsync("sheets", 10, CancellationToken.None)).Select(e => e.Id));
        var stillCounted = Assert.Single((await store.SelectFailingOutboxAsync(1, 10, CancellationToken.None)).Rows);
        Assert.Equal(ids[1], stillCounted.Id);
        Assert.Equal(0, await store.RetryFailingOutboxAsync(3, CancellationToken.None));
    }

    [Fact]
    public async Task SelectFailingOutbox_StoreAtTheLatestSchema_StartsEmpty()
    {
        var store = Open("sheets");
        var message = SampleOrders.Message("fail-4");
        await store.CommitAsync(message, SampleOrders.Result(message, SampleOrders.Order()), CancellationToken.None);

        var failing = await store.SelectFailingOutboxAsync(1, 10, CancellationToken.None);

        Assert.Empty(failing.Rows);
        Assert.Equal(0, failing.Total);
    }
}
