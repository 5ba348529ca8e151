using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
using FleetManager.Storage;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>The review queue in Chromium against real <c>fleetmanager serve</c> processes.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReviewPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Reprocess_AQuarantinedMessageAfterTheLimitWasRaised_StoresItsOrdersAndLeavesTheQueue()
    {
        // Imported with a MIME depth limit of 1, so the order nested three multiparts deep is quarantined; served with the default limits.
        await using var book = await OwnOrderBook.StartAsync(new Dictionary<string, string> { ["FLEETMANAGER__LIMITS__MAXMIMEDEPTH"] = "1" }, NestedOrderMessage.Write);
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(book.Url + "/review");
        var rows = page.Locator("#quarantined-table tbody tr");
        Assert.True(await rows.CountAsync() >= 1, book.ImportOutput);
        var first = rows.First;
        await Expect(first.Locator("td.reason")).ToContainTextAsync("Limits:MaxMimeDepth");
        var ledgerId = await first.GetAttributeAsync("data-ledger-id");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "review-queue.png"), FullPage = true });

        // The first read builds the reading pipeline (the gazetteer, the rules' vocabularies): on a loaded machine that is slow.
        await first.Locator("button.reprocess").ClickAsync(new() { Timeout = ReadAgainTimeout });
        await page.ArriveAtAsync(new Regex($@"/messages/{ledgerId}\?done=newlyprocessed$"), ReadAgainTimeout);
        await Expect(page.Locator("#notice")).ToContainTextAsync("processed now");
        var orders = page.Locator("ul.message-orders a");
        Assert.True(await orders.CountAsync() >= 1);

        // The order is a real order of the book now, and the message is off the queue.
        await orders.First.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/orders/\d+$"));
        Assert.Equal(NestedOrderMessage.Reference, await page.InputValueAsync("input[data-field=reference_number]"));
        await page.GotoAsync(book.Url + "/review");
        Assert.Equal(0, await page.Locator($"#quarantined-table tr[data-ledger-id='{ledgerId}']").CountAsync());
    }

    [Fact]
    public async Task Reprocess_WithoutTheAntiforgeryToken_IsRefused()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/review");
        var response = await page.APIRequest.PostAsync(fixture.LoopbackUrl + "/messages/1/reprocess", new()
        {
            Data = "",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
        });
        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task ReviewQueue_OverTheSharedBook_ListsOrdersToCheckWithTheirReasonsAndLinksThem()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/review");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Review queue");
        var toCheck = page.Locator("#to-check-table tbody tr");
        Assert.True(await toCheck.CountAsync() >= 1);
        Assert.Matches("low confidence|no customer|no loading|no unloading", await toCheck.First.TextContentAsync() ?? "");

        // The hostile message's payloads stay text here too.
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        await toCheck.First.Locator("a").ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/orders/\d+$"));
    }

    [Fact]
    public async Task ReviewQueue_OutboxRowsThatFailedThreeTimes_ListsThemWithAttemptsErrorAndOrderLinkAlsoInTheApi()
    {
        // The samples imported with the sheets outbox; the service's pushes failed three times on the first two rows and
        // once on the third, as the pusher records them (the error already redacted).
        var failedAt = new DateTimeOffset(2026, 12, 6, 9, 15, 0, TimeSpan.Zero);
        long[] tried = [];
        await using var book = await OwnOrderBook.StartAsync(
            new Dictionary<string, string> { ["FLEETMANAGER__STORAGE__OUTBOXSINKS__0"] = "sheets" },
            beforeServe: async database =>
            {
                using var store = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = database });
                var pending = await store.PendingAsync("sheets", 3, CancellationToken.None);
                Assert.Equal(3, pending.Count);
                tried = [.. pending.Select(e => e.Id)];
                for (var i = 0; i < 3; i++)
                {
                    await store.RecordFailedPushAsync("sheets", tried[..2], "Sheets answered 403: the caller does not have permission", failedAt.AddMinutes(i), CancellationToken.None);
                }

                await store.RecordFailedPushAsync("sheets", [tried[2]], "Sheets answered 503", failedAt, CancellationToken.None);
            });
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(book.Url + "/review");

        await Expect(page.Locator("#failing .badge")).ToHaveTextAsync("2");
        var rows = page.Locator("#failing-table tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(tried[0].ToString(System.Globalization.CultureInfo.InvariantCulture), await rows.First.GetAttributeAsync("data-outbox-id"));
        await Expect(rows.First.Locator("td.attempts")).ToHaveTextAsync("3");
        await Expect(rows.First.Locator("td.reason")).ToContainTextAsync("does not have permission");
        await Expect(rows.First).ToContainTextAsync("sheets");
        await Expect(rows.First).ToContainTextAsync("2026-12-06");
        var link = rows.First.Locator("a");
        Assert.Matches(@"^/orders/\d+$", await link.GetAttributeAsync("href") ?? "");

        var api = await page.APIRequest.GetAsync(book.Url + "/api/v1/queue");
        Assert.Equal(200, api.Status);
        using var json = System.Text.Json.JsonDocument.Parse(await api.TextAsync());
        Assert.Equal(2, json.RootElement.GetProperty("failing_sink_rows_total").GetInt64());
        var first = json.RootElement.GetProperty("failing_sink_rows")[0];
        Assert.Equal(3, first.GetProperty("attempts").GetInt32());
        Assert.Equal("sheets", first.GetProperty("sink").GetString());

        await link.ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/orders/\d+$"));
    }

    /// <summary>How long a read-again action may take in the tests (a 2-core machine shared with other builds).</summary>
    internal const float ReadAgainTimeout = 180_000;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
