using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
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
        await page.WaitForURLAsync(new Regex($@"/messages/{ledgerId}\?done=newlyprocessed$"), new() { Timeout = ReadAgainTimeout });
        await Expect(page.Locator("#notice")).ToContainTextAsync("processed now");
        var orders = page.Locator("ul.message-orders a");
        Assert.True(await orders.CountAsync() >= 1);

        // The order is a real order of the book now, and the message is off the queue.
        await orders.First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/orders/\d+$"));
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
        await page.WaitForURLAsync(new Regex(@"/orders/\d+$"));
    }

    /// <summary>How long a read-again action may take in the tests (a 2-core machine shared with other builds).</summary>
    internal const float ReadAgainTimeout = 180_000;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
