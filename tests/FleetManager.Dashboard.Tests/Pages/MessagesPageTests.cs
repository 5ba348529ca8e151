using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>The messages page and "reclassify" in Chromium against real <c>fleetmanager serve</c> processes.</summary>
[Collection(DashboardCollection.Name)]
public sealed class MessagesPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Messages_OverTheSharedBook_ListsEveryMessageWithItsClassAndPages()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/messages");
        var total = int.Parse(await page.TextContentAsync("#message-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 50, $"expected more than one page of messages, got {total}");
        Assert.Equal(50, await page.Locator("table.messages tbody tr").CountAsync());
        Assert.True(await page.Locator("table.messages .class-order").CountAsync() >= 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "messages.png"), FullPage = false });

        var lastOnPageOne = long.Parse((await page.Locator("table.messages tbody tr").Last.GetAttributeAsync("data-ledger-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("a[rel=next]");
        await page.ArriveAtAsync(new Regex("after="));
        var firstOnPageTwo = long.Parse((await page.Locator("table.messages tbody tr").First.GetAttributeAsync("data-ledger-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(firstOnPageTwo > lastOnPageOne);
    }

    [Fact]
    public async Task Reclassify_AnOrderAsOtherAndBack_RemovesThenReextractsItsOrdersAndAuditsWhoDidIt()
    {
        await using var book = await OwnOrderBook.StartAsync(new Dictionary<string, string>());
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(book.Url + "/messages");
        var orderRow = page.Locator("table.messages tbody tr", new() { Has = page.Locator(".class-order") }).First;
        var ledgerId = await orderRow.GetAttributeAsync("data-ledger-id");
        await orderRow.Locator("a").ClickAsync();
        await page.ArriveAtAsync(new Regex($@"/messages/{ledgerId}$"));
        var orders = await page.Locator("ul.message-orders a").CountAsync();
        Assert.True(orders >= 1);

        // Order → other: its orders are removed.
        await page.ClickAsync("#reclassify", new() { Timeout = ReviewPageTests.ReadAgainTimeout });
        await page.ArriveAtAsync(new Regex(@"\?done=changed$"), ReviewPageTests.ReadAgainTimeout);
        await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("other");
        await Expect(page.Locator("#no-orders")).ToBeVisibleAsync();
        var audit = page.Locator("#reclassify-audit tbody tr");
        await Expect(audit.First).ToContainTextAsync("local");
        await Expect(audit.First).ToContainTextAsync("other");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "message-reclassified.png"), FullPage = true });

        // Other → order: extracted again, as many orders as before.
        await page.ClickAsync("#reclassify", new() { Timeout = ReviewPageTests.ReadAgainTimeout });
        await page.ArriveAtAsync(new Regex(@"\?done=changed$"), ReviewPageTests.ReadAgainTimeout);
        await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("order");
        Assert.Equal(orders, await page.Locator("ul.message-orders a").CountAsync());
        Assert.Equal(2, await audit.CountAsync());
    }

    [Fact]
    public async Task MessagePage_BehindTheTrustedProxy_OffersEachRoleOnlyItsActionsAndRefusesTheRest()
    {
        var url = $"http://{fixture.OwnAddress}:{fixture.BehindProxy.Port}/messages/1";
        await using var viewer = await fixture.Browser.NewContextAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Email"] = "viewer@example.com" } });
        var viewerPage = await viewer.NewPageAsync();
        Assert.Equal(200, (await viewerPage.GotoAsync(url))!.Status);
        Assert.Equal(0, await viewerPage.Locator("#reclassify, #reprocess").CountAsync());

        // A dispatcher may reclassify, not reprocess: a reprocess posted with the dispatcher's own valid token is refused by role.
        await using var dispatcher = await fixture.Browser.NewContextAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Email"] = DashboardFixture.Dispatcher } });
        var page = await dispatcher.NewPageAsync();
        await page.GotoAsync(url);
        Assert.Equal(1, await page.Locator("#reclassify").CountAsync());
        Assert.Equal(0, await page.Locator("#reprocess").CountAsync());
        var token = await page.InputValueAsync("form[action$='/reclassify'] input[name=__RequestVerificationToken]");
        var refused = await page.APIRequest.PostAsync(url + "/reprocess", new()
        {
            Data = "__RequestVerificationToken=" + Uri.EscapeDataString(token),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains("Dashboard:Admins", await refused.TextAsync(), StringComparison.Ordinal);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
