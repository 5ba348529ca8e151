using FleetManager.Core.Pipeline;
using FleetManager.Google.Sheets;
using FleetManager.Google.Tests.Support;

namespace FleetManager.Google.Tests.Sheets;

/// <summary>
/// Outbox entries written by <c>fleetmanager reprocess</c>: a changed order overwrites its row, a removed order
/// clears it, and no key ever gets a second row.
/// </summary>
public sealed class SheetsOutboxPusherReprocessTests
{
    [Fact]
    public async Task PushAsync_UpsertOfAKeyAppendedByThisProcess_OverwritesThatRowInPlace()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 3);
        await harness.Pusher.PushAsync(CancellationToken.None);
        harness.Outbox.Add(OrderPayloads.KeyOf(2), OrderPayloads.Order(2, customer: "Corrected GmbH", phone: null), OutboxChange.Upsert);

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(1, result.Updated);
        Assert.Equal(0, result.Appended);
        Assert.Equal([OrderPayloads.KeyOf(1), OrderPayloads.KeyOf(2), OrderPayloads.KeyOf(3)], harness.KeysInSheet());
        var header = harness.StandIn.Rows()[0];
        var row = harness.StandIn.Rows()[2];
        Assert.Equal("Corrected GmbH", row[Column(header, "customer")]);
        // A field the corrected order no longer has is cleared, not left from the old row.
        Assert.Equal(string.Empty, row[Column(header, "contact_phone")]);
        var update = harness.StandIn.Requests.Single(r => r.Method == "PUT");
        Assert.Contains("valueInputOption=RAW", update.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("'Sheet1'!A3:AO3", Uri.UnescapeDataString(update.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
    }

    [Fact]
    public async Task PushAsync_UpsertInANewProcess_FindsTheRowByItsKeyAndWritesNoSecondRow()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 2);
        await harness.Pusher.PushAsync(CancellationToken.None);
        harness.Outbox.Add(OrderPayloads.KeyOf(1), OrderPayloads.Order(1, customer: "Fixed AG"), OutboxChange.Upsert);

        var result = await harness.NewProcess().PushAsync(CancellationToken.None);

        Assert.Equal(1, result.Updated);
        Assert.Equal([OrderPayloads.KeyOf(1), OrderPayloads.KeyOf(2)], harness.KeysInSheet());
        Assert.Equal("Fixed AG", harness.StandIn.Rows()[1][Column(harness.StandIn.Rows()[0], "customer")]);
    }

    [Fact]
    public async Task PushAsync_DeleteThenUpsertOfTheSameKey_ClearsTheRowThenWritesItOnce()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 2);
        await harness.Pusher.PushAsync(CancellationToken.None);
        harness.Outbox.Add(OrderPayloads.KeyOf(2), "{}", OutboxChange.Delete);

        var removed = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(1, removed.Removed);
        Assert.Equal([OrderPayloads.KeyOf(1), string.Empty], harness.StandIn.Rows().Skip(1).Select(r => r.Count == 0 ? string.Empty : r[0]));

        harness.Outbox.Add(OrderPayloads.KeyOf(2), OrderPayloads.Order(2), OutboxChange.Upsert);
        var back = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(1, back.Appended);
        Assert.Single(harness.KeysInSheet(), k => k == OrderPayloads.KeyOf(2));
    }

    [Fact]
    public async Task PushAsync_UpsertOrDeleteOfAKeyTheSheetNeverHad_AppendsOrDoesNothing()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.Outbox.Add(OrderPayloads.KeyOf(5), "{}", OutboxChange.Delete);
        harness.Outbox.Add(OrderPayloads.KeyOf(6), OrderPayloads.Order(6), OutboxChange.Upsert);

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(0, result.Removed);
        Assert.Equal(1, result.Appended);
        Assert.Equal([OrderPayloads.KeyOf(6)], harness.KeysInSheet());
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
    }

    private static int Column(IReadOnlyList<string> header, string name) => header.ToList().IndexOf(name);
}
